package defectlens.explain.lrp;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.types.Shape;

/**
 * A layer that is one linear map with its weight and bias (bias may be null): a 2-D convolution or a fully
 * connected layer {@code x w^T + b}. The composite's rule redistributes relevance through the same map.
 */
public final class LrpLinearLayer implements LrpLayer {
    private final String name;
    private final LrpLayerKind kind;
    private final NDArray weight;
    private final NDArray bias;
    private final LrpLinearMap map;

    private LrpLinearLayer(String name, LrpLayerKind kind, NDArray weight, NDArray bias, LrpLinearMap map) {
        this.name = name;
        this.kind = kind;
        this.weight = weight;
        this.bias = bias;
        this.map = map;
    }

    /** A 2-D convolution with weight {@code (out, in / groups, kh, kw)}. */
    public static LrpLinearLayer convolution(String name, NDArray weight, NDArray bias, Shape stride, Shape padding,
            Shape dilation, int groups) {
        return new LrpLinearLayer(name, LrpLayerKind.CONVOLUTION, weight, bias,
                LrpLinearMap.convolution(stride, padding, dilation, groups));
    }

    /** A fully connected layer with weight {@code (out, in)}. */
    public static LrpLinearLayer dense(String name, NDArray weight, NDArray bias) {
        return new LrpLinearLayer(name, LrpLayerKind.DENSE, weight, bias, LrpLinearMap.dense());
    }

    @Override
    public String name() {
        return name;
    }

    @Override
    public LrpLayerKind kind() {
        return kind;
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
