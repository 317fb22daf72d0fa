package defectlens.review;

/**
 * The model of a review: the bundle's name, its folder (absolute, or relative to the review folder), the SHA-256
 * of its files ({@link ModelFingerprint}) and a cheap stamp of their sizes and times (an unchanged stamp spares
 * hashing the weights again); other weights make the cached predictions stale.
 */
public record ModelRef(String name, String path, String weightsSha256, String stamp) {
    /** Name and the first 12 hex digits of the weights hash, as decisions record the model. */
    public String shortName() {
        return name + " " + (weightsSha256 == null ? "" : weightsSha256.substring(0, Math.min(12, weightsSha256.length())));
    }
}
