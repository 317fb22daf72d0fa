package defectlens.explain;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.types.Shape;

/** A 2-D convolution with its weight and bias (bias may be null). */
public final class LrpConvLayer implements LrpLayer {
    private final String name;
    private final NDArray weight;
    private final NDArray bias;
    private final LrpLinearMap map;

    public LrpConvLayer(String name, NDArray weight, NDArray bias, Shape stride, Shape padding, Shape dilation, int groups) {
        this.name = name;
        this.weight = weight;
        this.bias = bias;
        this.map = LrpLinearMap.convolution(stride, padding, dilation, groups);
    }

    @Override
    public String name() {
        return name;
    }

    @Override
    public LrpLayerKind kind() {
        return LrpLayerKind.CONVOLUTION;
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
