package defectlens.review;

/**
 * The model of a review: the bundle's name, its folder (absolute, or relative to the review folder) and the SHA-256
 * of its files ({@link ModelFingerprint}); other weights make the cached predictions stale.
 */
public record ModelRef(String name, String path, String weightsSha256) {
    /** Name and the first 12 hex digits of the weights hash, as decisions record the model. */
    public String shortName() {
        return name + " " + (weightsSha256 == null ? "" : weightsSha256.substring(0, Math.min(12, weightsSha256.length())));
    }
}
