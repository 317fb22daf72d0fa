package defectlens.wafer;

import defectlens.core.NativeHeap;
import defectlens.core.ParallelBatches;
import defectlens.core.Progress;
import java.util.Arrays;
import java.util.List;

/** What a model said about every wafer of a file: predicted class index and its probability, by row. */
public record WaferPredictions(String model, List<String> classes, int[] predicted, float[] confidence) {
    /** Maps per progress step (and per hand-over to the sink) when classifying a whole file. */
    public static final int BATCH = 512;

    public WaferPredictions {
        classes = List.copyOf(classes);
        if (predicted.length != confidence.length) {
            throw new IllegalArgumentException("predicted and confidence differ in length");
        }
    }

    /** Receives the class probabilities of one batch: {@code probabilities[i]} belongs to row {@code rows.get(i)}. */
    @FunctionalInterface
    public interface BatchSink {
        void accept(List<Integer> rows, float[][] probabilities) throws java.io.IOException;
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
     * the progress is cancelled (rows not reached keep the class index -1).
     */
    public static WaferPredictions classify(WaferModel model, String name, WaferDataset data,
            Progress progress) {
        return classify(model, name, data, model.averageOverSymmetries(), progress);
    }

    /** As above, averaging each map's probabilities over the 8 symmetries of the square or not, as asked. */
    public static WaferPredictions classify(WaferModel model, String name, WaferDataset data, boolean averageOverSymmetries,
            Progress progress) {
        return classify(model, name, data, averageOverSymmetries, BATCH, progress);
    }

    /**
     * As above with {@code batch} maps per call and progress step (the window takes small steps, so that its
     * progress bar and time left move every few seconds even on a 200-map file).
     */
    public static WaferPredictions classify(WaferModel model, String name, WaferDataset data, boolean averageOverSymmetries,
            int batch, Progress progress) {
        int n = data.size();
        int[] predicted = new int[n];
        float[] confidence = new float[n];
        Arrays.fill(predicted, -1);
        try {
            classifyRows(model, data, allRows(n), averageOverSymmetries, batch, (rows, p) -> {
                for (int i = 0; i < rows.size(); i++) {
                    int best = argMax(p[i]);
                    predicted[rows.get(i)] = best;
                    confidence[rows.get(i)] = p[i][best];
                }
            }, progress);
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e); // the sink above does no I/O
        }
        return new WaferPredictions(name, model.classes(), predicted, confidence);
    }

    /**
     * The class probabilities of the given rows of a data set, {@link #BATCH} maps per step, handed to
     * {@code sink} batch by batch in row order; stops between batches when the progress is cancelled.
     *
     * @return the number of rows classified
     */
    public static int classifyRows(WaferModel model, WaferDataset data, List<Integer> rows, boolean averageOverSymmetries,
            BatchSink sink, Progress progress) throws java.io.IOException {
        return classifyRows(model, data, rows, averageOverSymmetries, BATCH, sink, progress);
    }

    /**
     * As above with {@code batchSize} maps per progress step; 0 of n done is reported first. A pipeline
     * ({@link ParallelBatches}): this thread decodes the maps of a few forward calls ahead (resize, background
     * removal), and {@link WaferModel#inferenceWorkers()} worker threads each encode (Radon transform and
     * symmetric copies) and classify one forward call's maps at a time, so that every core runs the networks.
     * The C heap keeps the memory of one call for the next ({@link NativeHeap}).
     */
    public static int classifyRows(WaferModel model, WaferDataset data, List<Integer> rows, boolean averageOverSymmetries,
            int batchSize, BatchSink sink, Progress progress) throws java.io.IOException {
        if (batchSize < 1) {
            throw new IllegalArgumentException("batch size " + batchSize);
        }
        int n = rows.size();
        progress.update(0, n, "0/" + n + " maps");
        NativeHeap.keepFreedMemory();
        int copies = averageOverSymmetries ? WaferInputEncoder.SYMMETRIES : 1;
        int unit = Math.max(1, model.forwardBatch() / copies);
        ParallelBatches pipeline = new ParallelBatches(model.inferenceWorkers(), "wafer-inference");
        return pipeline.run(n, batchSize, unit, (from, to) -> decode(data, rows.subList(from, to)),
                maps -> model.predict(model.encode(maps, averageOverSymmetries)), (from, to, parts) -> {
                    float[][] p = new float[to - from][];
                    int at = 0;
                    for (float[][] part : parts) {
                        System.arraycopy(part, 0, p, at, part.length);
                        at += part.length;
                    }
                    sink.accept(rows.subList(from, to), p);
                    progress.update(to, n, to + "/" + n + " maps");
                }, progress);
    }

    /** The 64x64 network maps (background removed) of the given rows. */
    private static float[][] decode(WaferDataset data, List<Integer> batch) {
        float[][] maps = new float[batch.size()][];
        for (int i = 0; i < maps.length; i++) {
            WaferMap w = data.get(batch.get(i));
            maps[i] = WaferPreprocessing.toNetworkMap(w.dies(), w.rows(), w.cols());
        }
        return maps;
    }

    /** Index of the largest value (the first of equal ones). */
    public static int argMax(float[] p) {
        int best = 0;
        for (int c = 1; c < p.length; c++) {
            if (p[c] > p[best]) {
                best = c;
            }
        }
        return best;
    }

    private static List<Integer> allRows(int n) {
        return java.util.stream.IntStream.range(0, n).boxed().toList();
    }
}
