package defectlens.cli.spark;

import defectlens.core.DefectLensException;
import defectlens.image.ImageRaster;
import defectlens.image.SemImageReader;
import defectlens.model.ModelBundle;
import defectlens.model.Prediction;
import defectlens.model.SemClassifier;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import org.apache.spark.api.java.function.MapPartitionsFunction;
import org.apache.spark.broadcast.Broadcast;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;

/**
 * What every task of {@code sem-score} runs on its partition of images (columns {@code id, image, label}): reads
 * each image with the desktop's reader from its path (a folder every executor sees at the same path) and
 * classifies them in batches with the executor's {@link SemClassifier}, the {@code sem classify} path. An image
 * that cannot be read gets its problem in {@code error} and no class, as {@code sem classify} skips it.
 */
final class SemPartitionScorer implements MapPartitionsFunction<Row, Row> {
    private static final long serialVersionUID = 1L;

    private final Broadcast<BundleFiles> bundle;
    private final int batch;

    SemPartitionScorer(Broadcast<BundleFiles> bundle, int batch) {
        this.bundle = bundle;
        this.batch = batch;
    }

    /** The classifier of a bundle folder, as the executors load it. */
    static SemClassifier load(Path dir) {
        return new SemClassifier(ModelBundle.load(dir));
    }

    @Override
    public Iterator<Row> call(Iterator<Row> images) {
        SemClassifier classifier = ExecutorBundles.get(bundle.value(), SemClassifier.class, SemPartitionScorer::load);
        List<Row> out = new ArrayList<>();
        List<Row> pending = new ArrayList<>();
        List<ImageRaster> pixels = new ArrayList<>();
        while (images.hasNext()) {
            Row r = images.next();
            try {
                pixels.add(SemImageReader.read(Path.of(r.getString(1))));
                pending.add(r);
            } catch (DefectLensException e) {
                out.add(RowFactory.create(r.getString(0), r.getString(1), r.getString(2), null, null, e.getMessage()));
            }
            if (pending.size() == batch || !images.hasNext() && !pending.isEmpty()) {
                classify(classifier, pending, pixels, out);
                pending.clear();
                pixels.clear();
            }
        }
        return out.iterator();
    }

    private static void classify(SemClassifier classifier, List<Row> rows, List<ImageRaster> pixels, List<Row> out) {
        List<String> ids = rows.stream().map(r -> r.getString(0)).toList();
        List<Prediction> predictions;
        synchronized (classifier) { // one forward pass at a time per executor; PyTorch spreads it over the cores
            predictions = classifier.classifyBatch(ids, pixels, 1);
        }
        for (int i = 0; i < rows.size(); i++) {
            Row r = rows.get(i);
            Prediction p = predictions.get(i);
            Double[] probabilities = new Double[p.probabilities().length]; // Spark's row encoder takes Java arrays
            for (int c = 0; c < probabilities.length; c++) {
                probabilities[c] = p.probabilities()[c];
            }
            out.add(RowFactory.create(r.getString(0), r.getString(1), r.getString(2), p.label(), probabilities, null));
        }
    }
}
