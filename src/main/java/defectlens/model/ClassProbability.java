package defectlens.model;

/** One class and the probability the model gives it. */
public record ClassProbability(String label, double probability) {
}
