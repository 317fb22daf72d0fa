package defectlens.review;

import defectlens.dataset.SemDataset;
import defectlens.wafer.WaferDataset;
import java.nio.file.Path;
import java.util.List;

/**
 * The predictions of a model on a data set opened without a review, kept in the user's cache folder
 * ({@link PredictionCache#userCacheDir}) under the data's content fingerprint and the model's weights hash: a
 * data set classified once shows its predictions again after a restart, and a cancelled "classify all" goes on
 * where it stopped. Other weights or changed data find no cache and start empty.
 *
 * @param table the cached predictions, or an empty table of the data set's items
 * @param dir where they are kept (null when the user cache is off)
 */
public record DatasetPredictions(PredictionTable table, Path dir, String modelSha, String dataFingerprint) {

    /** The predictions of the model in {@code modelDir} on a SEM data set (reads every image to fingerprint it). */
    public static DatasetPredictions sem(SemDataset data, Path modelDir, List<String> classes) {
        PredictionTable items = ReviewItems.of(data, classes);
        return open(items, DataFingerprint.of(data), ModelFingerprint.of(modelDir));
    }

    /**
     * The predictions of the model in {@code modelDir} on the maps of a wafer file (hashes the file); single
     * passes and passes averaged over the 8 turns / flips are kept apart.
     */
    public static DatasetPredictions wafer(WaferDataset data, Path modelDir, List<String> classes, boolean averaged) {
        PredictionTable items = ReviewSetup.items(data, classes);
        return open(items, DataFingerprint.of(data.source()), ModelFingerprint.of(modelDir) + (averaged ? "+averaged-8"
                : "+single"));
    }

    private static DatasetPredictions open(PredictionTable items, String fingerprint, String modelSha) {
        Path dir = PredictionCache.userCacheDir(fingerprint, modelSha);
        PredictionTable cached = dir == null ? null : PredictionCache.read(dir, modelSha, fingerprint).table();
        boolean fits = cached != null && cached.size() == items.size() && cached.classes().equals(items.classes());
        for (int i = 0; fits && i < items.size(); i++) {
            fits = cached.id(i).equals(items.id(i));
        }
        return new DatasetPredictions(fits ? cached : items, dir, modelSha, fingerprint);
    }

    /** Saves the table to the user cache (nothing when it is off). */
    public void save() {
        if (dir != null) {
            PredictionCache.save(dir, table, modelSha, dataFingerprint);
        }
    }
}
