package defectlens.review;

import defectlens.core.DefectLensException;
import defectlens.core.Progress;
import defectlens.dataset.SemDataset;
import defectlens.dataset.SemSample;
import defectlens.image.ImageRaster;
import defectlens.image.SemImageReader;
import defectlens.model.Prediction;
import defectlens.model.SemClassifier;
import defectlens.wafer.WaferDataset;
import defectlens.wafer.WaferModel;
import defectlens.wafer.WaferRowClassifier;
import java.util.ArrayList;
import java.util.List;
import java.util.function.LongSupplier;

/**
 * Classifies the items of a {@link PredictionTable} that have no prediction yet, batch by batch, in data-set
 * order. Progress counts items (done of all, so a resumed run starts where the last one stopped); between
 * batches it may be cancelled, and every few seconds and at the end (cancelled or not) the table is handed to a
 * {@link Checkpoint} that saves it, so a cancel or a crash keeps what is done. A SEM image that cannot be read is
 * left unclassified and counted, not fatal.
 */
public final class PredictionRun {
    /** Saves the table (usually {@link ReviewFolder#savePredictions} or {@link PredictionCache#save}). */
    @FunctionalInterface
    public interface Checkpoint {
        void save(PredictionTable table);
    }

    /** Told which items got their prediction in a batch (the window refreshes those rows). */
    @FunctionalInterface
    public interface RowsDone {
        void accept(int[] items);
    }

    /** What a run did: items classified now, items unreadable, whether it was cancelled, and the first problem. */
    public record Result(int classified, int unreadable, boolean cancelled, String firstProblem) {
    }

    /** Wafer maps per batch and progress step: the bar and the time left move every few seconds. */
    static final int WAFER_STEP = 64;

    /** How often the table is saved during a run, in milliseconds. */
    static final long CHECKPOINT_MILLIS = 5_000;

    private final Checkpoint checkpoint;
    private final RowsDone rowsDone;
    private final LongSupplier clock;

    public PredictionRun(Checkpoint checkpoint, RowsDone rowsDone) {
        this(checkpoint, rowsDone, System::currentTimeMillis);
    }

    PredictionRun(Checkpoint checkpoint, RowsDone rowsDone, LongSupplier clock) {
        this.checkpoint = checkpoint;
        this.rowsDone = rowsDone == null ? rows -> { } : rowsDone;
        this.clock = clock;
    }

    /** Classifies the SEM samples of {@code data} missing from {@code table} with {@code classifier}. */
    public Result sem(SemClassifier classifier, SemDataset data, PredictionTable table, Progress progress) {
        requireSameSize(table, data.size());
        List<Integer> pending = missing(table);
        int step = Math.max(1, SemClassifier.recommendedBatch(classifier.model().input()));
        int classified = 0;
        int unreadable = 0;
        String problem = null;
        long lastSave = clock.getAsLong();
        try {
            for (int start = 0; start < pending.size() && !progress.isCancelled(); start += step) {
                List<Integer> chunk = pending.subList(start, Math.min(pending.size(), start + step));
                List<Integer> read = new ArrayList<>();
                List<String> ids = new ArrayList<>();
                List<ImageRaster> images = new ArrayList<>();
                for (int i : chunk) {
                    SemSample s = data.samples().get(i);
                    try {
                        images.add(SemImageReader.read(s.image()));
                        ids.add(s.id());
                        read.add(i);
                    } catch (DefectLensException e) {
                        unreadable++;
                        problem = problem == null ? e.getMessage() : problem;
                    }
                }
                if (!images.isEmpty()) {
                    List<Prediction> p = classifier.classifyBatch(ids, images, table.classes().size());
                    for (int k = 0; k < read.size(); k++) {
                        table.setRow(read.get(k), toFloats(p.get(k).probabilities()));
                    }
                    classified += read.size();
                    rowsDone.accept(read.stream().mapToInt(Integer::intValue).toArray());
                }
                progress.update(table.doneCount(), table.size(), table.doneCount() + " / " + table.size() + " images");
                lastSave = maybeSave(table, lastSave);
            }
        } finally {
            checkpoint.save(table);
        }
        return new Result(classified, unreadable, progress.isCancelled(), problem);
    }

    /** Classifies the wafer maps of {@code data} missing from {@code table} with the CNN bundle {@code model}. */
    public Result wafer(WaferModel model, WaferDataset data, boolean averageOverSymmetries, PredictionTable table,
            Progress progress) {
        return wafer(WaferRowClassifier.cnn(model, averageOverSymmetries), data, table, progress);
    }

    /** Classifies the wafer maps of {@code data} missing from {@code table} with any wafer model. */
    public Result wafer(WaferRowClassifier model, WaferDataset data, PredictionTable table, Progress progress) {
        requireSameSize(table, data.size());
        List<Integer> pending = missing(table);
        int[] classified = {0};
        long[] lastSave = {clock.getAsLong()};
        int total = table.size();
        Progress counting = new Progress() {
            @Override
            public void update(double fraction, String message) {
                progress.update(table.doneCount(), total, table.doneCount() + " / " + total + " maps");
            }

            @Override
            public boolean isCancelled() {
                return progress.isCancelled();
            }
        };
        try {
            model.classifyRows(data, pending, WAFER_STEP, (rows, p) -> {
                int[] items = new int[rows.size()];
                for (int k = 0; k < items.length; k++) {
                    items[k] = rows.get(k);
                    table.setRow(items[k], p[k]);
                }
                classified[0] += items.length;
                rowsDone.accept(items);
                lastSave[0] = maybeSave(table, lastSave[0]);
            }, counting);
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e); // the sink above does no I/O of its own
        } finally {
            checkpoint.save(table);
        }
        return new Result(classified[0], 0, progress.isCancelled(), null);
    }

    private long maybeSave(PredictionTable table, long lastSave) {
        long now = clock.getAsLong();
        if (now - lastSave >= CHECKPOINT_MILLIS) {
            checkpoint.save(table);
            return now;
        }
        return lastSave;
    }

    private static void requireSameSize(PredictionTable table, int items) {
        if (table.size() != items) {
            throw new IllegalArgumentException("a table of " + table.size() + " items for a data set of " + items);
        }
    }

    private static List<Integer> missing(PredictionTable table) {
        List<Integer> out = new ArrayList<>();
        for (int i = 0; i < table.size(); i++) {
            if (!table.isDone(i)) {
                out.add(i);
            }
        }
        return out;
    }

    private static float[] toFloats(double[] p) {
        float[] f = new float[p.length];
        for (int i = 0; i < p.length; i++) {
            f[i] = (float) p[i];
        }
        return f;
    }
}
