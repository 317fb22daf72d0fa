package defectlens.cli.spark;

import defectlens.core.Progress;
import defectlens.wafer.WaferDataset;
import defectlens.wafer.WaferLayout;
import defectlens.wafer.WaferMap;
import defectlens.wafer.WaferPredictions;
import defectlens.wafer.WaferRowClassifier;
import defectlens.wafer.WaferSplit;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.NoSuchElementException;
import java.util.stream.IntStream;
import org.apache.spark.api.java.function.MapPartitionsFunction;
import org.apache.spark.broadcast.Broadcast;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;

/**
 * What every task of {@code wafer-score} runs on its partition of maps (columns {@code index, rows, cols, dies}):
 * takes the executor's bundle ({@link ExecutorBundles}, loaded once from the broadcast files), and classifies
 * {@value #CHUNK} maps at a time through the desktop's {@link WaferRowClassifier} ({@link WaferPredictions#BATCH}
 * maps per network step, the next batch encoded while the network runs), handing back rows lazily so a partition
 * of any size holds only one chunk in memory. Output: index, predicted class, probabilities in the bundle's class
 * order, and the novelty score and flag when asked.
 */
final class WaferPartitionScorer implements MapPartitionsFunction<Row, Row> {
    private static final long serialVersionUID = 1L;
    /** Maps per call of the classifier: several batches, so its encode / classify pipeline keeps both sides busy. */
    static final int CHUNK = 8 * WaferPredictions.BATCH;

    private final Broadcast<BundleFiles> bundle;
    private final boolean average;
    private final boolean novelty;

    WaferPartitionScorer(Broadcast<BundleFiles> bundle, boolean average, boolean novelty) {
        this.bundle = bundle;
        this.average = average;
        this.novelty = novelty;
    }

    @Override
    public Iterator<Row> call(Iterator<Row> maps) {
        WaferScoringBundle model = ExecutorBundles.get(bundle.value(), WaferScoringBundle.class,
                WaferScoringBundle::load);
        ArrayDeque<Row> ready = new ArrayDeque<>();
        return new Iterator<>() {
            @Override
            public boolean hasNext() {
                if (ready.isEmpty() && maps.hasNext()) {
                    ready.addAll(score(model, maps));
                }
                return !ready.isEmpty();
            }

            @Override
            public Row next() {
                if (!hasNext()) {
                    throw new NoSuchElementException();
                }
                return ready.poll();
            }
        };
    }

    private List<Row> score(WaferScoringBundle model, Iterator<Row> maps) {
        List<Integer> index = new ArrayList<>(CHUNK);
        List<WaferMap> chunk = new ArrayList<>(CHUNK);
        while (chunk.size() < CHUNK && maps.hasNext()) {
            Row r = maps.next();
            index.add(r.getInt(0));
            chunk.add(new WaferMap((byte[]) r.get(3), r.getInt(1), r.getInt(2), null, WaferSplit.NONE, Double.NaN,
                    null, Double.NaN));
        }
        WaferDataset data = new WaferDataset(Path.of("partition"), WaferLayout.LSWMD, chunk);
        float[][] probabilities = new float[chunk.size()][];
        WaferRowClassifier classifier = model.classifier(average);
        try {
            classifier.classifyRows(data, IntStream.range(0, chunk.size()).boxed().toList(), WaferPredictions.BATCH,
                    (rows, p) -> {
                        for (int i = 0; i < rows.size(); i++) {
                            probabilities[rows.get(i)] = p[i];
                        }
                    }, Progress.NONE);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        float[] scores = novelty ? model.novelty(data) : null;
        double threshold = novelty ? model.noveltyThreshold() : Double.NaN;
        List<String> classes = classifier.classes();
        List<Row> out = new ArrayList<>(chunk.size());
        for (int i = 0; i < chunk.size(); i++) {
            float[] p = probabilities[i];
            Float[] boxed = new Float[p.length]; // an array column: Spark's row encoder takes Java arrays
            for (int c = 0; c < p.length; c++) {
                boxed[c] = p[c];
            }
            String predicted = classes.get(WaferPredictions.argMax(p));
            out.add(novelty
                    ? RowFactory.create(index.get(i), predicted, boxed, scores[i], scores[i] > threshold)
                    : RowFactory.create(index.get(i), predicted, boxed));
        }
        return out;
    }
}
