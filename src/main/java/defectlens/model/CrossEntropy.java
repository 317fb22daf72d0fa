package defectlens.model;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;

/** Softmax cross-entropy of logits (N, K) against class indices, optionally weighted per class. */
final class CrossEntropy {
    private CrossEntropy() {
    }

    /**
     * Mean negative log-likelihood; with {@code classWeights}, the weighted mean
     * {@code sum(w_y * nll) / sum(w_y)} as PyTorch's {@code CrossEntropyLoss(weight=...)} computes it.
     */
    static NDArray loss(NDArray logits, int[] labels, float[] classWeights, NDManager m) {
        int k = (int) logits.getShape().get(1);
        float[] oneHot = new float[labels.length * k];
        float[] w = new float[labels.length];
        for (int i = 0; i < labels.length; i++) {
            oneHot[i * k + labels[i]] = 1f;
            w[i] = classWeights == null ? 1f : classWeights[labels[i]];
        }
        NDArray target = m.create(oneHot, new Shape(labels.length, k));
        NDArray picked = logits.logSoftmax(1).mul(target).sum(new int[] {1});
        NDArray weights = m.create(w);
        return picked.mul(weights).sum().neg().div(weights.sum());
    }
}
