package defectlens.review.embedding;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Block;
import ai.djl.nn.SequentialBlock;
import ai.djl.training.ParameterStore;
import defectlens.wafer.WaferInputEncoder;
import defectlens.wafer.WaferModel;
import java.util.List;

/**
 * The embedding of the wafer CNN ({@code defectlens.wafer.WaferNetworks}): the input of its last dense layer (128
 * values after the second hidden layer's ReLU). For an ensemble the members' embeddings are put side by side (2 x 128
 * for the shipped paper7 bundle); with symmetry averaging each value is the mean over the map's eight turned and
 * mirrored copies, so a map and its rotated copy have the same embedding. Inference only; thread-safe like
 * {@link WaferModel}.
 */
public final class WaferEmbedder {
    private final WaferModel model;
    private final boolean averageOverSymmetries;

    public WaferEmbedder(WaferModel model, boolean averageOverSymmetries) {
        this.model = model;
        this.averageOverSymmetries = averageOverSymmetries;
    }

    /** Values per embedding: the width of the last hidden layer times the networks. */
    public int dimension() {
        return hiddenWidth() * model.networkCount();
    }

    private int hiddenWidth() {
        return model.widths().lastHidden();
    }

    /** The model's classes (logit order). */
    public List<String> classes() {
        return model.classes();
    }

    /** Embeddings, logits and probabilities of 64x64 network maps ({@code WaferPreprocessing.toNetworkMap}). */
    public Embedded embed(float[][] maps) {
        int copies = averageOverSymmetries ? WaferInputEncoder.SYMMETRIES : 1;
        float[][] inputs = copies == 1 ? model.encoder().encode(maps) : model.encoder().encodeWithSymmetries(maps);
        int nets = model.networkCount();
        int width = hiddenWidth();
        int classes = model.classes().size();
        float[][] vectors = new float[maps.length][nets * width];
        float[][] logits = new float[maps.length][classes];
        float[][] probabilities = new float[maps.length][classes];
        float scale = 1f / copies;
        for (int k = 0; k < nets; k++) {
            float[][][] out = forward(model.networkBlock(k), inputs, width, classes);
            for (int r = 0; r < inputs.length; r++) {
                int i = r / copies;
                addScaled(out[0][r], vectors[i], k * width, scale);
                addScaled(out[1][r], logits[i], 0, scale / nets);
                addScaled(out[2][r], probabilities[i], 0, scale / nets);
            }
        }
        return new Embedded(vectors, logits, probabilities);
    }

    private static void addScaled(float[] from, float[] into, int offset, float scale) {
        for (int j = 0; j < from.length; j++) {
            into[offset + j] += from[j] * scale;
        }
    }

    /** Hidden features, logits and softmax of one network, computed {@code forwardBatch} inputs at a time. */
    private float[][][] forward(Block network, float[][] inputs, int width, int classes) {
        SequentialBlock net = (SequentialBlock) network;
        List<Block> layers = net.getChildren().values();
        List<Block> body = layers.subList(0, layers.size() - 1);
        Block last = layers.get(layers.size() - 1);
        int n = inputs.length;
        float[][][] out = {new float[n][], new float[n][], new float[n][]};
        int size = WaferInputEncoder.SIZE * WaferInputEncoder.SIZE;
        int step = model.forwardBatch();
        for (int start = 0; start < n; start += step) {
            int m = Math.min(step, n - start);
            float[] flat = new float[m * size];
            for (int i = 0; i < m; i++) {
                System.arraycopy(inputs[start + i], 0, flat, i * size, size);
            }
            try (NDManager manager = NDManager.newBaseManager()) {
                ParameterStore ps = new ParameterStore(manager, false);
                NDList x = new NDList(manager.create(flat, new Shape(m, 1, WaferInputEncoder.SIZE,
                        WaferInputEncoder.SIZE)));
                for (Block layer : body) {
                    x = layer.forward(ps, x, false);
                }
                NDArray hidden = x.singletonOrThrow();
                NDArray logit = last.forward(ps, x, false).singletonOrThrow();
                split(hidden.toFloatArray(), width, out[0], start);
                split(logit.toFloatArray(), classes, out[1], start);
                split(logit.softmax(1).toFloatArray(), classes, out[2], start);
            }
        }
        return out;
    }

    private static void split(float[] flat, int width, float[][] into, int start) {
        for (int i = 0; i < flat.length / width; i++) {
            into[start + i] = java.util.Arrays.copyOfRange(flat, i * width, (i + 1) * width);
        }
    }
}
