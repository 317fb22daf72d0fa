package defectlens.wafer;

import java.util.List;

/** What a model said about every wafer of a file: predicted class index and its probability, by row. */
public record WaferPredictions(String model, List<String> classes, int[] predicted, float[] confidence) {
    public WaferPredictions {
        classes = List.copyOf(classes);
        if (predicted.length != confidence.length) {
            throw new IllegalArgumentException("predicted and confidence differ in length");
        }
    }

    /** The predicted class name of row i, or null when the row was not classified. */
    public String classOf(int i) {
        return i < predicted.length && predicted[i] >= 0 ? classes.get(predicted[i]) : null;
    }

    /** The probability of the predicted class of row i, or NaN when not classified. */
    public float confidenceOf(int i) {
        return i < confidence.length && predicted[i] >= 0 ? confidence[i] : Float.NaN;
    }

    /**
     * Classifies every map of a data set in batches, reporting the share done and stopping early when
     * {@code cancelled} says so (rows not reached keep the class index -1).
     */
    public static WaferPredictions classify(WaferModel model, String name, WaferDataset data,
            java.util.function.DoubleConsumer progress, java.util.function.BooleanSupplier cancelled) {
        return classify(model, name, data, model.averageOverSymmetries(), progress, cancelled);
    }

    /** As above, averaging each map's probabilities over the 8 symmetries of the square or not, as asked. */
    public static WaferPredictions classify(WaferModel model, String name, WaferDataset data, boolean averageOverSymmetries,
            java.util.function.DoubleConsumer progress, java.util.function.BooleanSupplier cancelled) {
        int n = data.size();
        int[] predicted = new int[n];
        float[] confidence = new float[n];
        java.util.Arrays.fill(predicted, -1);
        int batch = 512;
        for (int start = 0; start < n && !cancelled.getAsBoolean(); start += batch) {
            int m = Math.min(batch, n - start);
            float[][] maps = new float[m][];
            for (int i = 0; i < m; i++) {
                WaferMap w = data.get(start + i);
                maps[i] = WaferPreprocessing.toNetworkMap(w.dies(), w.rows(), w.cols());
            }
            float[][] p = model.predict(maps, averageOverSymmetries);
            for (int i = 0; i < m; i++) {
                int best = 0;
                for (int c = 1; c < p[i].length; c++) {
                    if (p[i][c] > p[i][best]) {
                        best = c;
                    }
                }
                predicted[start + i] = best;
                confidence[start + i] = p[i][best];
            }
            progress.accept((double) (start + m) / n);
        }
        return new WaferPredictions(name, model.classes(), predicted, confidence);
    }
}
