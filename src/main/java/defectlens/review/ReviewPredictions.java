package defectlens.review;

import java.util.Optional;
import java.util.function.Supplier;

/**
 * Opens the predictions of a review against the data and model as they are now: an unchanged data set (same
 * sizes and times, or the same content) and the same model weights give the cached predictions at once; other
 * weights or changed data make the cache stale, review.json then records the new fingerprints and the
 * predictions start empty (to be classified again) with a note saying why.
 *
 * @param table the predictions (cached, or empty)
 * @param stale null when the cache was used or none existed yet, else why it was not
 */
public record ReviewPredictions(PredictionTable table, String stale) {

    /**
     * @param items the review's items as the data set is now, with no predictions
     * @param modelSha the SHA-256 of the model bundle as it is now ({@link ModelFingerprint})
     * @param stamp the data set's stamp now ({@link DataFingerprint#stamp})
     * @param fingerprint computes the data set's fingerprint now (only called when the stamp changed)
     */
    public static ReviewPredictions open(ReviewFolder folder, PredictionTable items, String modelSha, String stamp,
            Supplier<String> fingerprint) {
        ReviewDefinition def = folder.definition();
        String why = null;
        DataRef data = def.data();
        if (!stamp.equals(data.stamp())) {
            String now = fingerprint.get();
            if (!now.equals(data.fingerprint())) {
                why = "the data set changed since the predictions were made";
            }
            data = new DataRef(data.path(), now, stamp, items.size());
        }
        ModelRef model = def.model();
        if (!modelSha.equals(model.weightsSha256())) {
            why = why == null ? "the model's weights changed since the predictions were made" : why;
        }
        String modelStamp = java.nio.file.Files.isDirectory(folder.modelPath()) ? ModelFingerprint.stamp(folder.modelPath())
                : model.stamp();
        if (!modelSha.equals(model.weightsSha256()) || !java.util.Objects.equals(modelStamp, model.stamp())) {
            model = new ModelRef(model.name(), model.path(), modelSha, modelStamp);
        }
        if (data != def.data() || model != def.model()) {
            folder.update(new ReviewDefinition(def.format(), def.id(), def.kind(), data, model, def.queue(),
                    def.createdAt(), def.classes(), def.averageOverSymmetries()));
        }
        PredictionCache.CacheRead read = folder.readPredictions();
        PredictionTable cached = read.table();
        if (cached != null && cached.size() == items.size() && cached.classes().equals(items.classes())) {
            return new ReviewPredictions(cached, why);
        }
        if (why == null && read.unusable() != null) {
            why = read.unusable();
        } else if (why == null && cached != null) {
            why = "the cached predictions are for " + cached.size() + " items of classes " + cached.classes()
                    + ", not the data set's " + items.size() + " items of " + items.classes();
        }
        return new ReviewPredictions(items, why);
    }

    /**
     * The cached predictions without reading the data: present only when the data's stamp (sizes and times) and
     * the model's weights are those the review recorded, so a large wafer file's review shows its queue while the
     * maps themselves are still loading. Empty otherwise: then read the data and call {@link #open}.
     */
    public static Optional<PredictionTable> cached(ReviewFolder folder, String modelSha, String stamp) {
        ReviewDefinition def = folder.definition();
        if (!stamp.equals(def.data().stamp()) || !modelSha.equals(def.model().weightsSha256())) {
            return Optional.empty();
        }
        return folder.predictions();
    }
}
