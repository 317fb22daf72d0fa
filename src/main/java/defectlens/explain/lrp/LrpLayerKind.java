package defectlens.explain.lrp;

/** The layer types an {@link LrpComposite} assigns rules to, and the fixed pass-through types. */
public enum LrpLayerKind {
    /** A 2-D convolution. */
    CONVOLUTION(true),
    /** The kernel-flip module: one kernel used as itself and mirrored, element-wise max-out. */
    KERNEL_FLIP(true),
    /** A fully connected layer. */
    DENSE(true),
    /** An inference-mode BatchNorm, a per-channel scale and shift (see {@link LrpCanonizer}). */
    BATCH_NORM(true),
    /** ReLU: relevance passes through unchanged. */
    RELU(false),
    /** Max-pooling: relevance goes to the winning input of each window. */
    MAX_POOL(false),
    /** Flatten: relevance is reshaped back. */
    FLATTEN(false);

    private final boolean needsRule;

    LrpLayerKind(boolean needsRule) {
        this.needsRule = needsRule;
    }

    /** Whether the layer takes its rule from the composite (else the propagation is fixed). */
    public boolean needsRule() {
        return needsRule;
    }
}
