package defectlens.explain.lrp;

import ai.djl.ndarray.NDArray;

/**
 * An inference-mode BatchNorm as the per-channel affine map {@code y = a[c] x + b[c]} with
 * {@code a = gamma / sqrt(var + eps)} and {@code b = beta - a * mean} ({@link LrpCanonizer} measures both).
 * The wafer networks put BatchNorm after the ReLU, so it cannot be merged into the convolution before it;
 * it is kept as its own layer and given a rule of its own (the epsilon rule in the named composites, as
 * Captum does): relevance passes channel by channel in proportion {@code a x / (a x + b)}, the shift
 * {@code b} absorbing its share like a bias.
 */
public final class LrpBatchNormLayer implements LrpLayer {
    private final String name;
    private final NDArray scale;
    private final NDArray shift;
    private final LrpLinearMap map = LrpLinearMap.channelAffine();

    public LrpBatchNormLayer(String name, NDArray scale, NDArray shift) {
        this.name = name;
        this.scale = scale;
        this.shift = shift;
    }

    public NDArray scale() {
        return scale;
    }

    public NDArray shift() {
        return shift;
    }

    @Override
    public String name() {
        return name;
    }

    @Override
    public LrpLayerKind kind() {
        return LrpLayerKind.BATCH_NORM;
    }

    @Override
    public NDArray forward(NDArray x) {
        return map.apply(x, LrpLayer.local(scale, x), LrpLayer.local(shift, x));
    }

    @Override
    public NDArray relevance(NDArray x, NDArray relevance, LrpRule rule) {
        return rule.propagate(map, LrpLayer.local(scale, x), LrpLayer.local(shift, x), x, relevance);
    }
}
