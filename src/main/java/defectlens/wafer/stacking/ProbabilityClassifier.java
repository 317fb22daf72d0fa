package defectlens.wafer.stacking;

/** A fitted classifier that gives class probabilities (in its class order) for standardised feature rows. */
public interface ProbabilityClassifier {
    /** One probability row per feature row. */
    double[][] probabilities(double[][] x);
}
