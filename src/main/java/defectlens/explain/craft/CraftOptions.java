package defectlens.explain.craft;

import defectlens.model.SplitClassifier;

/**
 * Settings of a CRAFT fit: crop size in image pixels and stride as a fraction of it, number of
 * concepts, NMF iterations and seed, Sobol designs for concept importance, how many of the class's
 * images estimate importance, the batch size of model calls, and the non-negativity policy.
 */
public record CraftOptions(int patchSize, double strideFraction, int concepts, int nmfIterations, long seed,
        int sobolDesigns, int importanceImages, int batchSize, ActivationPolicy policy) {
    public CraftOptions {
        if (patchSize < 1 || concepts < 1 || nmfIterations < 1 || sobolDesigns < 2 || importanceImages < 1
                || batchSize < 1 || strideFraction <= 0) {
            throw new IllegalArgumentException("invalid CRAFT options " + patchSize + "/" + concepts + "/"
                    + nmfIterations + "/" + sobolDesigns + "/" + importanceImages + "/" + batchSize);
        }
    }

    /**
     * The crop size CRAFT fits and explains with on {@code model}'s images of the given size: a third of the smaller
     * side (at least 8 px), Fel et al.'s choice, for a whole-image model; half the window for a sliding-window model,
     * whose crops are enlarged to the window it was trained on ({@link SplitClassifier#cropInput}), so its concept
     * maps are twice as fine as the frame's own feature map (a 480 px frame of a 192 px window model at output
     * stride 16: 8 px cells instead of 16).
     */
    public static int defaultPatch(SplitClassifier model, int imageWidth, int imageHeight) {
        int side = Math.min(imageWidth, imageHeight);
        if (model.slidingWindow() != null) {
            return Math.max(8, Math.min(side, model.slidingWindow().window() / 2));
        }
        return Math.max(8, side / 3);
    }

    /** Fel et al.'s defaults: stride 0.8 x patch, 10 concepts, 32 Sobol designs, ReLU; seed 0. */
    public static CraftOptions defaults(int patchSize) {
        return new CraftOptions(patchSize, 0.8, 10, 500, 0L, 32, 16, 32, ActivationPolicy.RELU);
    }

    public CraftOptions withConcepts(int k) {
        return new CraftOptions(patchSize, strideFraction, k, nmfIterations, seed, sobolDesigns, importanceImages, batchSize, policy);
    }

    public CraftOptions withPolicy(ActivationPolicy p) {
        return new CraftOptions(patchSize, strideFraction, concepts, nmfIterations, seed, sobolDesigns, importanceImages, batchSize, p);
    }
}
