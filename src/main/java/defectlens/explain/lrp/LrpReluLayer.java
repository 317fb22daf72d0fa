package defectlens.explain.lrp;

import ai.djl.ndarray.NDArray;

/** ReLU: the relevance of its output passes to its input unchanged (the usual LRP convention). */
public final class LrpReluLayer implements LrpLayer {
    private final String name;

    public LrpReluLayer(String name) {
        this.name = name;
    }

    @Override
    public String name() {
        return name;
    }

    @Override
    public LrpLayerKind kind() {
        return LrpLayerKind.RELU;
    }

    @Override
    public NDArray forward(NDArray x) {
        return x.maximum(0f);
    }

    @Override
    public NDArray relevance(NDArray x, NDArray relevance, LrpRule rule) {
        return relevance;
    }
}
