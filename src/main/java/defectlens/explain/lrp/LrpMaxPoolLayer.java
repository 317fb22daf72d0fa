package defectlens.explain.lrp;

import ai.djl.engine.Engine;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.pooling.Pool;
import ai.djl.training.GradientCollector;

/**
 * 2-D max-pooling. Relevance of each output goes to the single input that won its window (winner takes
 * all). The winner is the one PyTorch's max-pool gradient routes to (the first maximum of the window),
 * so a window of equal values does not duplicate its relevance.
 */
public final class LrpMaxPoolLayer implements LrpLayer {
    private final String name;
    private final Shape kernel;
    private final Shape stride;

    public LrpMaxPoolLayer(String name, Shape kernel, Shape stride) {
        this.name = name;
        this.kernel = kernel;
        this.stride = stride;
    }

    public Shape kernel() {
        return kernel;
    }

    @Override
    public String name() {
        return name;
    }

    @Override
    public LrpLayerKind kind() {
        return LrpLayerKind.MAX_POOL;
    }

    @Override
    public NDArray forward(NDArray x) {
        return Pool.maxPool2d(x, kernel, stride, new Shape(0, 0), false);
    }

    @Override
    public NDArray relevance(NDArray x, NDArray relevance, LrpRule rule) {
        try (GradientCollector collector = Engine.getInstance().newGradientCollector()) {
            NDArray input = x.duplicate();
            input.setRequiresGradient(true);
            NDArray routed = forward(input).mul(relevance.stopGradient()).sum();
            collector.backward(routed);
            return input.getGradient().duplicate();
        }
    }
}
