package defectlens.explain.craft;

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
