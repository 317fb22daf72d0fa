package defectlens.review;

import defectlens.dataset.SemDataset;
import defectlens.wafer.InvalidWaferRow;
import defectlens.wafer.WaferDataset;
import java.nio.file.Path;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.UUID;

/**
 * Makes a review folder for a data set and a model: fingerprints both, numbers the items, and writes review.json
 * with an empty predictions cache (filled by a {@link PredictionRun}). Wafer items keep the row numbers of the
 * file even when invalid rows were left out while reading it.
 */
public final class ReviewSetup {
    private ReviewSetup() {
    }

    /** A review of a SEM data set ({@code dataPath} is the folder or CSV it was opened from). */
    public static ReviewFolder sem(Path out, Path dataPath, SemDataset data, String modelName, Path modelDir,
            List<String> modelClasses, QueueSpec queue) {
        DataRef ref = new DataRef(abs(dataPath), DataFingerprint.of(data), DataFingerprint.stamp(data), data.size());
        PredictionTable t = ReviewItems.of(data, modelClasses);
        return ReviewFolder.create(out, definition(ReviewKind.SEM, ref, modelName, modelDir, modelClasses, queue, null),
                t);
    }

    /**
     * A review of the maps of a wafer file whose predictions are averaged over the 8 turns / flips of each map or
     * not ({@code averageOverSymmetries}), for every run of the review.
     */
    public static ReviewFolder wafer(Path out, WaferDataset data, String modelName, Path modelDir,
            List<String> modelClasses, QueueSpec queue, boolean averageOverSymmetries) {
        Path file = data.source();
        DataRef ref = new DataRef(abs(file), DataFingerprint.of(file), DataFingerprint.stamp(file), data.size());
        PredictionTable t = items(data, modelClasses);
        return ReviewFolder.create(out, definition(ReviewKind.WAFER, ref, modelName, modelDir, modelClasses, queue,
                averageOverSymmetries), t);
    }

    /**
     * The items of a wafer file as read: numbered rows, or - when invalid rows were left out while reading - the
     * file's row numbers as ids, so decisions and exports still name the rows of the file.
     */
    public static PredictionTable items(WaferDataset data, List<String> modelClasses) {
        PredictionTable numbered = ReviewItems.of(data, modelClasses);
        if (data.invalidCount() == 0) {
            return numbered;
        }
        String[] ids = fileRows(data);
        int[] labels = new int[data.size()];
        for (int i = 0; i < labels.length; i++) {
            labels[i] = numbered.label(i);
        }
        return new PredictionTable(modelClasses, numbered.labelClasses(), ids, labels);
    }

    private static String[] fileRows(WaferDataset data) {
        List<InvalidWaferRow> invalid = data.invalidRows();
        if (invalid.size() < data.invalidCount()) {
            throw new defectlens.core.DefectLensException(data.source(), data.invalidCount() + " invalid rows, more "
                    + "than the " + invalid.size() + " listed: the file's row numbers cannot be kept; repair the file");
        }
        String[] ids = new String[data.size()];
        int skipped = 0;
        int fileRow = 0;
        for (int i = 0; i < ids.length; i++, fileRow++) {
            while (skipped < invalid.size() && invalid.get(skipped).row() == fileRow) {
                skipped++;
                fileRow++;
            }
            ids[i] = Integer.toString(fileRow);
        }
        return ids;
    }

    private static ReviewDefinition definition(ReviewKind kind, DataRef data, String modelName, Path modelDir,
            List<String> classes, QueueSpec queue, Boolean averageOverSymmetries) {
        ModelRef model = new ModelRef(modelName, abs(modelDir), ModelFingerprint.of(modelDir),
                ModelFingerprint.stamp(modelDir));
        return new ReviewDefinition(ReviewDefinition.FORMAT, UUID.randomUUID().toString(), kind, data, model, queue,
                Instant.now().truncatedTo(ChronoUnit.SECONDS).toString(), classes, averageOverSymmetries);
    }

    private static String abs(Path p) {
        return p.toAbsolutePath().normalize().toString();
    }
}
