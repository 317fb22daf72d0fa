package defectlens.wafer;

import defectlens.core.Progress;
import java.io.IOException;
import java.util.List;

/**
 * Whatever gives the rows of a wafer file their class probabilities batch by batch: a CNN bundle
 * ({@link #cnn}) or the BSEML stacking ensemble ({@code defectlens.wafer.stacking.BsemlModel}). The review desk
 * and the wafer window classify through this, whichever kind of bundle they were given.
 */
public interface WaferRowClassifier {
    /** The classes, in the order of the probabilities. */
    List<String> classes();

    /**
     * The class probabilities of the given rows, {@code batchSize} maps per step, handed to {@code sink} batch by
     * batch in row order; 0 of n done is reported first, and it stops between batches when the progress is
     * cancelled.
     *
     * @return the number of rows classified
     */
    int classifyRows(WaferDataset data, List<Integer> rows, int batchSize, WaferPredictions.BatchSink sink,
            Progress progress) throws IOException;

    /** A CNN bundle, averaging each map's probabilities over the 8 turns / flips or not. */
    static WaferRowClassifier cnn(WaferModel model, boolean averageOverSymmetries) {
        return new WaferRowClassifier() {
            @Override
            public List<String> classes() {
                return model.classes();
            }

            @Override
            public int classifyRows(WaferDataset data, List<Integer> rows, int batchSize,
                    WaferPredictions.BatchSink sink, Progress progress) throws IOException {
                return WaferPredictions.classifyRows(model, data, rows, averageOverSymmetries, batchSize, sink,
                        progress);
            }
        };
    }
}
