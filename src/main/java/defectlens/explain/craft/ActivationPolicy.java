package defectlens.explain.craft;

/**
 * How CRAFT makes split-layer activations non-negative, which NMF requires. The choice is recorded
 * in every {@link ConceptBank} and shown with it.
 *
 * <p>ReLU networks give non-negative activations already. EfficientNetV2 does not: its blocks end
 * in SiLU, {@code x * sigmoid(x)}, which dips to about -0.278 near {@code x = -1.28}, so a choice
 * has to be made and stated.
 */
public enum ActivationPolicy {
    /** {@code max(a, 0)}: negative activations (SiLU's dip) are dropped. The default. */
    RELU,
    /**
     * {@code a - m_k} with {@code m_k} the smallest value of channel {@code k} seen while fitting (kept
     * in the bank and added back before the head), clipped at zero for values below it: nothing is
     * dropped from the fitting data.
     */
    SHIFT;

    /** A short description for reports. */
    public String describe() {
        return this == RELU ? "ReLU (negative activations set to 0)"
                : "shift by the per-channel minimum seen while fitting";
    }
}
