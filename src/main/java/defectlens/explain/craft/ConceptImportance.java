package defectlens.explain.craft;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import defectlens.model.SplitClassifier;

/**
 * CRAFT's concept importance for one image: the per-location concept coefficients {@code U} are
 * scaled by quasi-random masks {@code m in [0,1]^r} (one value per concept, the same at every
 * location), turned back into activations {@code (U m) W} (plus the policy's offsets), passed
 * through the head, and the target logit's Sobol total index per concept is estimated with the
 * Jansen estimator. Masked activations go through the head in batches under their own manager.
 */
final class ConceptImportance {
    private ConceptImportance() {
    }

    /**
     * @param u       row-major {@code (cells, rank)} coefficients of one image
     * @param bank    the concepts and offsets
     * @param height  feature-map height; {@code cells = height * width}
     */
    static double[] totalIndices(SplitClassifier model, ConceptBank bank, float[] u, int height, int width,
            int target, int designs, int batchSize, NDManager manager) {
        int r = bank.rank();
        int k = bank.channels();
        int cells = height * width;
        double[][] rows = SobolIndices.design(designs, r);
        double[] f = new double[rows.length];
        try (NDManager m = manager.newSubManager()) {
            NDArray coeff = m.create(u, new Shape(1, cells, r));
            NDArray w = m.create(bank.concepts(), new Shape(r, k));
            NDArray offsets = m.create(bank.policy() == ActivationPolicy.SHIFT ? bank.offsets() : new float[k],
                    new Shape(1, k, 1, 1));
            for (int start = 0; start < rows.length; start += batchSize) {
                int b = Math.min(batchSize, rows.length - start);
                float[] masks = new float[b * r];
                for (int j = 0; j < b; j++) {
                    for (int c = 0; c < r; c++) {
                        masks[j * r + c] = (float) rows[start + j][c];
                    }
                }
                try (NDManager batch = m.newSubManager()) {
                    NDArray mk = batch.create(masks, new Shape(b, 1, r));
                    NDArray acts = mk.mul(coeff).matMul(w).transpose(0, 2, 1).reshape(b, k, height, width).add(offsets);
                    float[] logits = model.head(acts).toFloatArray();
                    int classes = logits.length / b;
                    for (int j = 0; j < b; j++) {
                        f[start + j] = logits[j * classes + target];
                    }
                }
            }
        }
        return SobolIndices.jansenTotal(f, designs, r);
    }
}
