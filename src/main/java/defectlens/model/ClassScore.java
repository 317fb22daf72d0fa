package defectlens.model;

/** Precision, recall, F1 and support (true instances) of one class. */
public record ClassScore(String label, double precision, double recall, double f1, int support) {
}
