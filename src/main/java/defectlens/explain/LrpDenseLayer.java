package defectlens.explain;

import ai.djl.ndarray.NDArray;

/** A fully connected layer {@code x w^T + b}. */
public final class LrpDenseLayer implements LrpLayer {
    private final String name;
    private final NDArray weight;
    private final NDArray bias;
    private final LrpLinearMap map = LrpLinearMap.dense();

    public LrpDenseLayer(String name, NDArray weight, NDArray bias) {
        this.name = name;
        this.weight = weight;
        this.bias = bias;
    }

    @Override
    public String name() {
        return name;
    }

    @Override
    public LrpLayerKind kind() {
        return LrpLayerKind.DENSE;
    }

    @Override
    public NDArray forward(NDArray x) {
        return map.apply(x, LrpLayer.local(weight, x), LrpLayer.local(bias, x));
    }

    @Override
    public NDArray relevance(NDArray x, NDArray relevance, LrpRule rule) {
        return rule.propagate(map, LrpLayer.local(weight, x), LrpLayer.local(bias, x), x, relevance);
    }
}
