package defectlens.explain.lrp;

import ai.djl.ndarray.NDArray;

/** Batch flatten {@code (N, ...) -> (N, prod)}: relevance is reshaped back to the input shape. */
public final class LrpFlattenLayer implements LrpLayer {
    private final String name;

    public LrpFlattenLayer(String name) {
        this.name = name;
    }

    @Override
    public String name() {
        return name;
    }

    @Override
    public LrpLayerKind kind() {
        return LrpLayerKind.FLATTEN;
    }

    @Override
    public NDArray forward(NDArray x) {
        return x.reshape(x.getShape().get(0), -1);
    }

    @Override
    public NDArray relevance(NDArray x, NDArray relevance, LrpRule rule) {
        return relevance.reshape(x.getShape());
    }
}
