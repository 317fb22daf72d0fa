package defectlens.explain;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Activation;
import ai.djl.nn.convolutional.Conv2d;
import ai.djl.nn.core.Linear;
import defectlens.image.ImageRaster;
import defectlens.model.InputSpec;
import defectlens.model.SplitClassifier;
import java.nio.file.Path;
import java.util.List;

/**
 * The tiny test CNN of {@code src/test/resources/explain/make_gradcam_golden.py}, built from DJL's
 * functional ops with the weights PyTorch drew: features = conv 1->6 3x3, ReLU, conv 6->8 3x3
 * stride 2, ReLU; head = conv 1x1, ReLU, global average pool, linear 8->3. Input 32x32 gray.
 */
public final class TinyCnn implements SplitClassifier {
    public static final Path RESOURCES = Path.of("src/test/resources/explain");

    private final NDManager manager = NDManager.newBaseManager();
    private final NDArray w1;
    private final NDArray b1;
    private final NDArray w2;
    private final NDArray b2;
    private final NDArray w3;
    private final NDArray b3;
    private final NDArray fcW;
    private final NDArray fcB;
    private final int size;

    public TinyCnn() {
        this(32);
    }

    /** The same weights for another (square) input size. */
    public TinyCnn(int size) {
        this.size = size;
        w1 = load("conv1_w");
        b1 = load("conv1_b");
        w2 = load("conv2_w");
        b2 = load("conv2_b");
        w3 = load("conv3_w");
        b3 = load("conv3_b");
        fcW = load("fc_w");
        fcB = load("fc_b");
    }

    private NDArray load(String name) {
        NpyFile.Array a = NpyFile.read(RESOURCES.resolve("weights/" + name + ".npy"));
        long[] shape = new long[a.shape().length];
        for (int i = 0; i < shape.length; i++) {
            shape[i] = a.shape()[i];
        }
        return manager.create(a.data(), new Shape(shape));
    }

    /** The golden 32x32 test image. */
    public static ImageRaster goldenImage() {
        float[] v = NpyFile.read(RESOURCES.resolve("image.npy")).data();
        byte[] px = new byte[v.length];
        for (int i = 0; i < v.length; i++) {
            px[i] = (byte) Math.round(v[i]);
        }
        return ImageRaster.gray8(32, 32, px);
    }

    @Override
    public List<String> classes() {
        return List.of("bridge", "collapse", "clean");
    }

    @Override
    public InputSpec input() {
        return InputSpec.gray(size);
    }

    @Override
    public String splitLayer() {
        return "conv2";
    }

    @Override
    public NDArray features(NDArray input) {
        NDArray x = Conv2d.conv2d(input, w1, b1, new Shape(1, 1), new Shape(1, 1), new Shape(1, 1), 1).head();
        x = Activation.relu(x);
        x = Conv2d.conv2d(x, w2, b2, new Shape(2, 2), new Shape(1, 1), new Shape(1, 1), 1).head();
        return Activation.relu(x);
    }

    @Override
    public NDArray head(NDArray features) {
        NDArray x = Conv2d.conv2d(features, w3, b3, new Shape(1, 1), new Shape(0, 0), new Shape(1, 1), 1).head();
        x = Activation.relu(x);
        x = x.mean(new int[] {3}).mean(new int[] {2});
        return Linear.linear(x, fcW, fcB).head();
    }

    /** Arrays held by the model's own manager: its weights, unless an explainer leaks into it. */
    public int managedArrays() {
        return ((ai.djl.ndarray.BaseNDManager) manager).getManagedArrays().size();
    }

    @Override
    public void close() {
        manager.close();
    }
}
