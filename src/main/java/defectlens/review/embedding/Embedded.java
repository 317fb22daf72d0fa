package defectlens.review.embedding;

/**
 * What a model says about a batch of items in its feature space: one embedding row per item, the class logits
 * (mean over the model's networks and the symmetric copies it looked at) and the class probabilities (mean of the
 * networks' softmax, the model's answer).
 */
public record Embedded(float[][] vectors, float[][] logits, float[][] probabilities) {
}
