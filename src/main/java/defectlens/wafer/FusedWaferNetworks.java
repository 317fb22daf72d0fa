package defectlens.wafer;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDArrays;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Activation;
import ai.djl.nn.Block;
import ai.djl.nn.convolutional.Conv2d;
import ai.djl.nn.norm.BatchNorm;
import ai.djl.nn.pooling.Pool;
import java.util.ArrayList;
import java.util.List;

/**
 * The networks of a wafer model ({@link WaferNetworks}: four convolution stages, then fully connected
 * layers; one network or the members of an ensemble) fused into ONE inference graph, so that all
 * members see a batch in one pass of a few large operations instead of one pass per member:
 * <ul>
 *   <li>stage 1 convolves the shared input with the members' kernels stacked along the output channels;</li>
 *   <li>later stages are grouped convolutions (one group per member) over the stacked channels;</li>
 *   <li>the kernel-flip stage ({@link KernelFlipConv2d}) convolves once with each member's kernel and its
 *       mirror stacked (twice the filters), then takes the maximum of the two halves;</li>
 *   <li>BatchNorm uses the members' running statistics side by side; the fully connected layers are one
 *       batched matrix product over the members;</li>
 *   <li>the members' softmax probabilities are averaged in the graph, and so are a map's symmetric copies;</li>
 *   <li>max pooling is the element-wise maximum of four strided views (libtorch's pooling also computes argmax
 *       indices: a quarter of a forward call), and it runs before ReLU and BatchNorm wherever that gives the same
 *       bits (non-negative BatchNorm scales).</li>
 * </ul>
 * The arithmetic is that of each member's own forward pass (only the order of some sums differs), so
 * the probabilities agree with {@link WaferModel}'s per-network path to float rounding
 * ({@code FusedWaferNetworksTest}). The weights are copied once, when the graph is built: a graph made
 * before a network's weights change must be rebuilt. Close it to free its weights.
 */
final class FusedWaferNetworks implements AutoCloseable {
    private static final float BATCH_NORM_EPSILON = 1e-5f;
    private static final Shape ONE = new Shape(1, 1);
    private static final Shape POOL = new Shape(2, 2);

    private final NDManager manager;
    private final int members;
    private final List<ConvStage> stages = new ArrayList<>();
    private final List<NDArray[]> dense = new ArrayList<>();

    /**
     * One fused convolution stage: conv (or kernel-flip conv) -> ReLU -> BatchNorm -> MaxPool 2x2. With
     * {@code poolFirst} (every BatchNorm scale {@code gamma} >= 0) the pooling runs first: ReLU followed by BatchNorm
     * with a non-negative scale is then non-decreasing in every channel, so the maximum of four values goes through
     * it unchanged and the result is the same to the bit, with ReLU and BatchNorm on a quarter of the values.
     */
    private record ConvStage(NDArray weight, NDArray bias, int groups, boolean kernelFlip, NDArray mean,
            NDArray variance, NDArray gamma, NDArray beta, boolean poolFirst) {}

    /**
     * Fuses the initialised networks {@code blocks} (same structure and widths, as {@link WaferNetworks#build}
     * makes them) under a sub-manager of {@code parent}.
     */
    FusedWaferNetworks(List<Block> blocks, NDManager parent) {
        this.members = blocks.size();
        this.manager = parent.newSubManager();
        try (NDManager scratch = manager.newSubManager()) {
            build(blocks, scratch);
        }
    }

    private void build(List<Block> blocks, NDManager scratch) {
        List<List<Block>> layers = new ArrayList<>();
        for (Block block : blocks) {
            layers.add(new ArrayList<>(block.getChildren().values()));
        }
        List<Block> first = layers.get(0);
        int stage = 0;
        for (int i = 0; i < first.size(); i++) {
            Block layer = first.get(i);
            if (layer instanceof Conv2d || layer instanceof KernelFlipConv2d) {
                int bn = i + 2;
                if (bn >= first.size() || !(first.get(bn) instanceof BatchNorm)) {
                    throw new IllegalArgumentException("expected conv -> ReLU -> BatchNorm -> pool at layer " + i);
                }
                stages.add(convStage(layers, i, bn, stage == 0, scratch));
                stage++;
            } else if (layer instanceof ai.djl.nn.core.Linear) {
                dense.add(denseLayer(layers, i, scratch));
            }
        }
        if (stages.isEmpty() || dense.isEmpty()) {
            throw new IllegalArgumentException("not a wafer CNN: " + stages.size() + " conv stages, " + dense.size()
                    + " dense layers");
        }
    }

    private ConvStage convStage(List<List<Block>> layers, int conv, int bn, boolean sharedInput, NDManager scratch) {
        boolean flip = layers.get(0).get(conv) instanceof KernelFlipConv2d;
        List<NDArray> weights = new ArrayList<>();
        List<NDArray> biases = new ArrayList<>();
        for (List<Block> net : layers) {
            NDArray w = parameter(net.get(conv), "weight", scratch);
            NDArray b = parameter(net.get(conv), "bias", scratch);
            weights.add(w);
            biases.add(b);
            if (flip) {
                weights.add(w.flip(3));
                biases.add(b);
            }
        }
        NDArray gamma = stacked(layers, bn, "gamma", scratch);
        boolean poolFirst = true;
        for (float g : gamma.toFloatArray()) {
            poolFirst &= g >= 0f;
        }
        return new ConvStage(keep(concat(weights)), keep(concat(biases)),
                sharedInput ? 1 : members, flip,
                stacked(layers, bn, "runningMean", scratch), stacked(layers, bn, "runningVar", scratch),
                gamma, stacked(layers, bn, "beta", scratch), poolFirst);
    }

    /** The members' weights of one dense layer as {@code (members, in, out)} and biases {@code (members, 1, out)}. */
    private NDArray[] denseLayer(List<List<Block>> layers, int index, NDManager scratch) {
        List<NDArray> weights = new ArrayList<>();
        List<NDArray> biases = new ArrayList<>();
        for (List<Block> net : layers) {
            NDArray w = parameter(net.get(index), "weight", scratch);
            weights.add(w.transpose().expandDims(0));
            NDArray b = parameter(net.get(index), "bias", scratch);
            biases.add(b.reshape(1, 1, b.getShape().get(0)));
        }
        return new NDArray[] {keep(concat(weights)), keep(concat(biases))};
    }

    private NDArray stacked(List<List<Block>> layers, int index, String name, NDManager scratch) {
        List<NDArray> parts = new ArrayList<>();
        for (List<Block> net : layers) {
            parts.add(parameter(net.get(index), name, scratch));
        }
        return keep(concat(parts));
    }

    private static NDArray concat(List<NDArray> parts) {
        return parts.size() == 1 ? parts.get(0) : NDArrays.concat(new NDList(parts), 0);
    }

    /** A copy of a parameter in {@code scratch}: what is computed from it stays off the network's manager. */
    private static NDArray parameter(Block block, String name, NDManager scratch) {
        var p = block.getParameters().get(name);
        if (p == null || !p.isInitialized()) {
            throw new IllegalArgumentException(block + " has no initialised parameter " + name);
        }
        NDArray copy = p.getArray().duplicate();
        copy.attach(scratch);
        return copy;
    }

    /**
     * A contiguous copy owned by this graph, cut off from autograd: PyTorch's no-grad switch is per thread,
     * and a prediction on a thread where it is on (a window's background task) would otherwise record a
     * backward graph of every batch.
     */
    private NDArray keep(NDArray a) {
        NDArray copy = a.stopGradient().duplicate();
        copy.attach(manager);
        return copy;
    }

    /** Members fused into the graph. */
    int members() {
        return members;
    }

    /**
     * Class probabilities, averaged over the members and over groups of {@code copies} consecutive inputs:
     * {@code inputs} holds {@code n} row-major 64x64 network inputs back to back ({@code n} a multiple of
     * {@code copies}); row {@code i} of the result is the mean of inputs {@code i * copies} to
     * {@code i * copies + copies - 1}. One pass through the graph; every array lives in a manager closed
     * before returning.
     */
    float[][] probabilities(float[] inputs, int n, int copies, int classes) {
        int side = WaferInputEncoder.SIZE;
        try (NDManager batch = manager.newSubManager()) {
            NDArray x = batch.create(inputs, new Shape(n, 1, side, side));
            for (ConvStage s : stages) {
                x = Conv2d.conv2d(x, s.weight, s.bias, ONE, ONE, ONE, s.groups).singletonOrThrow();
                if (s.kernelFlip) {
                    x = largerOfHalves(x, n);
                }
                if (s.poolFirst) {
                    x = maxPool2x2(x);
                }
                x = Activation.relu(x);
                x = BatchNorm.batchNorm(x, s.mean, s.variance, s.gamma, s.beta, 1, 0.9f, BATCH_NORM_EPSILON, false)
                        .singletonOrThrow();
                if (!s.poolFirst) {
                    x = maxPool2x2(x);
                }
            }
            x = x.reshape(n, members, -1).transpose(1, 0, 2);
            for (int d = 0; d < dense.size(); d++) {
                x = x.matMul(dense.get(d)[0]).add(dense.get(d)[1]);
                if (d < dense.size() - 1) {
                    x = Activation.relu(x);
                }
            }
            NDArray p = x.softmax(2);
            if (members > 1) {
                p = p.sum(new int[] {0}).div(members);
            } else {
                p = p.reshape(n, classes);
            }
            if (copies > 1) {
                p = p.reshape(n / copies, copies, classes).sum(new int[] {1}).div(copies);
            }
            float[] flat = p.toFloatArray();
            float[][] out = new float[n / copies][classes];
            for (int i = 0; i < out.length; i++) {
                System.arraycopy(flat, i * classes, out[i], 0, classes);
            }
            return out;
        }
    }

    /**
     * The kernel-flip stage's output: per member, the element-wise larger of its two halves of filters (the
     * kernels and their mirrors). An element-wise maximum of two views, not a reduction over an axis of 2, which
     * libtorch runs several times slower (measured, docs/benchmarks.md).
     */
    private NDArray largerOfHalves(NDArray x, int n) {
        Shape shape = x.getShape();
        long filters = shape.get(1) / (2L * members);
        NDArray halves = x.reshape(n, members, 2, filters * shape.get(2) * shape.get(3));
        return halves.get(":, :, 0").maximum(halves.get(":, :, 1"))
                .reshape(n, members * filters, shape.get(2), shape.get(3));
    }

    /**
     * Max pooling 2x2 with stride 2 as the element-wise maximum of the four strided views of the map (the same
     * values: a maximum is exact). libtorch's pooling computes the argmax indices as well, which took about a quarter
     * of a forward call (docs/benchmarks.md). Odd sides go through the library's pooling.
     */
    static NDArray maxPool2x2(NDArray x) {
        Shape shape = x.getShape();
        if (shape.get(2) % 2 != 0 || shape.get(3) % 2 != 0) {
            return Pool.maxPool2d(x, POOL, POOL, new Shape(0, 0), false);
        }
        NDArray top = x.get(":, :, 0::2, 0::2").maximum(x.get(":, :, 0::2, 1::2"));
        NDArray bottom = x.get(":, :, 1::2, 0::2").maximum(x.get(":, :, 1::2, 1::2"));
        return top.maximum(bottom);
    }

    @Override
    public void close() {
        manager.close();
    }
}
