package defectlens.review;

/**
 * The data set of a review: its path as the user gave it (absolute, or relative to the review folder), its content
 * fingerprint ({@code sha256:<hex>}, see {@link DataFingerprint}), a cheap stamp of sizes and modification times
 * that lets an unchanged data set skip re-hashing, and its number of items.
 */
public record DataRef(String path, String fingerprint, String stamp, int items) {
}
