package defectlens.model;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import defectlens.dataset.ClassQuota;
import defectlens.dataset.DatasetOpener;
import defectlens.dataset.SemDataset;
import defectlens.dataset.SemGenerator;
import defectlens.image.SemImageReader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SemTrainerTest {
    @TempDir
    Path tmp;

    @Test
    void tinyModelLossFallsAndBundleClassifies() throws Exception {
        Path dataDir = tmp.resolve("gen");
        new SemGenerator(64, 92, 1).generate(dataDir, ClassQuota.balanced(3), 5, (d, n) -> { });
        SemDataset data = DatasetOpener.open(dataDir);
        TrainingOptions options = new TrainingOptions(EfficientNetV2Config.TINY, BalanceMode.OVERSAMPLE, 5, 3, 0.0, 0,
                9, 3e-3f, 64, 1, null, false, "trainer-test", "test");
        List<EpochReport> reports = new ArrayList<>();
        AtomicInteger batches = new AtomicInteger();
        Path out = tmp.resolve("bundle");
        TrainingResult result = new SemTrainer(options).train(data, out, new TrainingListener() {
            @Override
            public void onBatch(int epoch, int batch, int total, double loss) {
                batches.incrementAndGet();
            }

            @Override
            public void onEpoch(EpochReport report) {
                reports.add(report);
            }
        }, () -> false);
        assertEquals(5, reports.size());
        assertEquals(5 * 2, batches.get());
        assertTrue(reports.get(4).trainLoss() < reports.get(0).trainLoss(),
                "loss should fall: " + reports.get(0).trainLoss() + " -> " + reports.get(4).trainLoss());
        assertFalse(result.cancelled());
        assertTrue(Files.isRegularFile(out.resolve("weights.params")));
        ModelManifest m = ModelBundle.readManifest(out);
        assertEquals(data.classes(), m.classes());
        assertEquals(5, m.provenance().epochs());
        assertEquals("oversample", m.provenance().balance());
        try (SplitClassifier model = ModelBundle.load(out); SemClassifier classifier = new SemClassifier(model)) {
            Prediction p = classifier.classify("x", SemImageReader.read(data.samples().get(0).image()), 3);
            assertEquals(3, p.top().size());
            double sum = 0;
            for (double v : p.probabilities()) {
                sum += v;
            }
            assertEquals(1.0, sum, 1e-4);
            List<Prediction> all = classifier.classifyAll(data, 1, 10, (d, n) -> { }, () -> false);
            assertEquals(data.size(), all.size());
        }
    }

    @Test
    void cancelStopsBeforeTheFirstBatch() throws Exception {
        Path dataDir = tmp.resolve("gen2");
        new SemGenerator(64, 92, 1).generate(dataDir, ClassQuota.balanced(1), 9, (d, n) -> { });
        SemDataset data = DatasetOpener.open(dataDir);
        TrainingOptions options = TrainingOptions.defaults().withEpochs(3).withInput(64, 1);
        TrainingResult r = new SemTrainer(options).train(data, tmp.resolve("never"), TrainingListener.none(), () -> true);
        assertTrue(r.cancelled());
        assertTrue(r.history().isEmpty());
        assertFalse(Files.exists(tmp.resolve("never").resolve("model.json")));
    }
}
