package defectlens.model;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.index.NDIndex;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Block;
import ai.djl.training.ParameterStore;
import ai.djl.util.Pair;
import defectlens.core.DefectLensException;
import java.util.ArrayList;
import java.util.List;
import java.util.function.UnaryOperator;

/**
 * A DJL-native EfficientNetV2 as a {@link SplitClassifier}: {@code features} = stem, stages and the
 * final 1x1 conv; {@code head} = pool, dropout, linear. Always runs in inference mode (BatchNorm
 * running statistics, no dropout), also inside a gradient collector. Owns the manager of its weights.
 *
 * <p>A model trained on native-resolution crops carries a {@link SlidingWindow}: its {@link #input()} is then the
 * whole frame, {@link #logits} classifies the frame by its windows and the window rule, and {@code features} /
 * {@code head} run on the whole frame at native resolution (the network is fully convolutional), the head cutting
 * the final map into the windows and taking each class from the window that decides it ({@link WindowedHead}), so
 * explanations cover the whole image without stitching and follow the windows' decision.
 */
public final class EfficientNetV2Classifier implements SplitClassifier {
    private final NDManager weights;
    private final EfficientNetV2 network;
    private final List<String> classes;
    private final InputSpec input;
    private final ParameterStore store;
    private final SlidingWindow window;

    EfficientNetV2Classifier(NDManager weights, EfficientNetV2 network, List<String> classes, InputSpec input) {
        this(weights, network, classes, input, null);
    }

    /** With {@code window} not null, {@code input} is the whole frame's spec and logits come from windows. */
    EfficientNetV2Classifier(NDManager weights, EfficientNetV2 network, List<String> classes, InputSpec input,
            SlidingWindow window) {
        this.weights = weights;
        this.network = network;
        this.classes = List.copyOf(classes);
        this.input = input;
        this.store = new ParameterStore(weights, false);
        this.window = window;
    }

    /**
     * Crops are resized to the model's input, as Fel et al. feed CRAFT's crops: a whole-image model's input, a
     * windowed model's window (a crop smaller than the window is enlarged to it, so its feature cells are finer than
     * the frame's); a crop at least a window wide stays at native resolution.
     */
    @Override
    public InputSpec cropInput(int side) {
        if (window == null) {
            return input;
        }
        int s = Math.max(side, window.window());
        return new InputSpec(input.channels(), s, s, input.mean(), input.std());
    }

    /** The sliding window of a model trained on crops; null for a whole-image model. */
    @Override
    public SlidingWindow slidingWindow() {
        return window;
    }

    public EfficientNetV2 network() {
        return network;
    }

    @Override
    public List<String> classes() {
        return classes;
    }

    @Override
    public InputSpec input() {
        return input;
    }

    @Override
    public String splitLayer() {
        return EfficientNetV2.SPLIT_LAYER;
    }

    @Override
    public NDArray features(NDArray x) {
        return network.features().forward(store, new NDList(x), false).singletonOrThrow();
    }

    /** For a windowed model on a map larger than one window: the windows' decision ({@link WindowedHead}). */
    @Override
    public NDArray head(NDArray maps) {
        UnaryOperator<NDArray> plain = m -> network.head().forward(store, new NDList(m), false).singletonOrThrow();
        if (window == null) {
            return plain.apply(maps);
        }
        return WindowedHead.apply(maps, window, classes.indexOf(window.background()), plain,
                network.totalStride());
    }

    /**
     * The whole-image logits; for a windowed model the logarithms of the frame's aggregated window probabilities
     * ({@link SlidingWindow#aggregate}), so that their softmax is those probabilities.
     */
    @Override
    public NDArray logits(NDArray x) {
        if (window == null) {
            return SplitClassifier.super.logits(x);
        }
        int n = (int) x.getShape().get(0);
        int k = classes.size();
        int side = window.window();
        List<Integer> offsets = window.offsets();
        int background = classes.indexOf(window.background());
        float[] out = new float[n * k];
        for (int i = 0; i < n; i++) {
            try (NDManager m = x.getManager().newSubManager()) {
                NDArray[] crops = new NDArray[offsets.size() * offsets.size()];
                int c = 0;
                for (int oy : offsets) {
                    for (int ox : offsets) {
                        NDArray crop = x.get(new NDIndex("{}:{}, :, {}:{}, {}:{}", i, i + 1, oy, oy + side, ox,
                                ox + side));
                        crop.attach(m);
                        crops[c++] = crop;
                    }
                }
                NDArray batch = NDArrays.concat(crops);
                batch.attach(m);
                float[] p = SplitClassifier.super.logits(batch).softmax(1).toFloatArray();
                float[][] perWindow = new float[crops.length][k];
                for (int w = 0; w < crops.length; w++) {
                    System.arraycopy(p, w * k, perWindow[w], 0, k);
                }
                double[] frame = SlidingWindow.aggregate(perWindow, background);
                for (int j = 0; j < k; j++) {
                    out[i * k + j] = (float) Math.log(Math.max(1e-12, frame[j]));
                }
            }
        }
        return x.getManager().create(out, new Shape(n, k));
    }

    /** {@code stem}, {@code stage1} ... and {@value EfficientNetV2#SPLIT_LAYER}, with their map sizes. */
    @Override
    public List<ExplainableLayer> explainableLayers() {
        return network.explainableLayers(input);
    }

    @Override
    public SplitClassifier splitAt(String layer) {
        if (EfficientNetV2.SPLIT_LAYER.equals(layer)) {
            return this;
        }
        List<Block> before = new ArrayList<>();
        List<Block> after = new ArrayList<>();
        boolean found = false;
        for (Pair<String, Block> child : network.features().getChildren()) {
            (found ? after : before).add(child.getValue());
            found |= network.nameOf(child.getValue()).equals(layer);
        }
        if (!found) {
            throw new DefectLensException("the model has no explainable layer '" + layer + "'; its layers: "
                    + explainableLayers().stream().map(ExplainableLayer::name).toList());
        }
        return new EfficientNetV2LayerSplit(this, layer, before, after, store);
    }

    @Override
    public List<String> randomizableLayers() {
        List<String> out = new ArrayList<>();
        out.add("classifier");
        List<ExplainableLayer> layers = explainableLayers();
        for (int i = layers.size() - 1; i >= 0; i--) {
            out.add(layers.get(i).name());
        }
        return out;
    }

    @Override
    public void randomizeLayer(String layer, long seed) {
        if (!randomizableLayers().contains(layer)) {
            throw new DefectLensException("the model has no layer '" + layer + "' to randomise; its layers: "
                    + randomizableLayers());
        }
        WeightRandomization.redraw(network.layer(layer), seed);
    }

    @Override
    public void close() {
        weights.close();
    }
}
