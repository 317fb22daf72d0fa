package defectlens.model;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import defectlens.core.Progress;
import defectlens.core.RecordingProgress;
import defectlens.dataset.ClassQuota;
import defectlens.dataset.DatasetOpener;
import defectlens.dataset.SemDataset;
import defectlens.dataset.SemGenerator;
import defectlens.image.SemImageReader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SemTrainerTest {
    @TempDir
    Path tmp;

    @Test
    void tinyModelLossFallsAndBundleClassifies() throws Exception {
        SemDataset data = generated("gen", 3, 5);
        TrainingOptions options = new TrainingOptions(EfficientNetV2Config.TINY, BalanceMode.OVERSAMPLE, 5, 3, 0.0, 0,
                9, 3e-3f, 64, 1, null, false, "trainer-test", "test");
        List<EpochReport> reports = new ArrayList<>();
        RecordingProgress progress = new RecordingProgress();
        Path out = tmp.resolve("bundle");
        TrainingResult result = new SemTrainer(options).train(data, out, reports::add, progress);
        assertEquals(5, reports.size());
        assertEquals(5 * 2, progress.messages.stream().filter(m -> m.startsWith("epoch ")).count());
        assertEquals(1.0, progress.fractions.get(progress.fractions.size() - 1), 1e-9);
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
            List<Prediction> all = classifier.classifyAll(data, 1, 10, Progress.NONE);
            assertEquals(data.size(), all.size());
        }
    }

    @Test
    void learningRateDecaysAfterEveryEpochAndAResumedRunGoesOnFromTheDecayedRate() throws Exception {
        SemDataset data = generated("gen-decay", 2, 5);
        TrainingOptions options = new TrainingOptions(EfficientNetV2Config.TINY, BalanceMode.OVERSAMPLE, 3, 3, 0.0, 0,
                6, 4e-3f, 64, 1, null, false, "decay-test", "test").withLearningRateDecay(0.5f);
        List<EpochReport> reports = new ArrayList<>();
        Path out = tmp.resolve("bundle-decay");
        new SemTrainer(options.withCrops(null, true)).train(data, out, reports::add, new RecordingProgress());
        assertEquals(List.of(4e-3, 2e-3, 1e-3), reports.stream().map(r -> Math.round(r.learningRate() * 1e6) / 1e6)
                .toList());
        assertEquals(5e-4f, TrainingCheckpoint.readState(out).learningRate(), 1e-9f);
        @SuppressWarnings("unchecked")
        var settings = (java.util.Map<String, Object>) ModelBundle.readManifest(out).provenance().metrics()
                .get("settings");
        assertEquals(0.5, ((Number) settings.get("learning_rate_decay_per_epoch")).doubleValue(), 1e-9);

        List<EpochReport> resumed = new ArrayList<>();
        new SemTrainer(options.withEpochs(4).withCrops(null, true)).train(data, out, resumed::add,
                new RecordingProgress());
        assertEquals(1, resumed.size());
        assertEquals(4, resumed.get(0).epoch());
        assertEquals(5e-4, resumed.get(0).learningRate(), 1e-9);
        assertThrows(IllegalArgumentException.class, () -> options.withLearningRateDecay(0f));
        assertThrows(IllegalArgumentException.class, () -> options.withLearningRateDecay(1.5f));
    }

    @Test
    void divergingRunRollsBackHalvesTheLearningRateAndFinallyGivesUp() throws Exception {
        SemDataset data = generated("gen3", 2, 5);
        // an absurd learning rate: the first Adam step throws the weights to ~1e30 and the next forward pass overflows
        TrainingOptions options = new TrainingOptions(EfficientNetV2Config.TINY, BalanceMode.OVERSAMPLE, 3, 3, 0.0, 0,
                6, 1e30f, 64, 1, null, false, "diverge-test", "test");
        List<Float> rates = new ArrayList<>();
        List<Boolean> retrying = new ArrayList<>();
        List<EpochReport> reports = new ArrayList<>();
        Path out = tmp.resolve("diverged");
        TrainingResult r = new SemTrainer(options).train(data, out, new TrainingListener() {
            @Override
            public void onEpoch(EpochReport report) {
                reports.add(report);
            }

            @Override
            public void onDivergence(int epoch, float learningRate, boolean again) {
                assertEquals(1, epoch, "the first epoch never succeeds, so it is the one repeated");
                rates.add(learningRate);
                retrying.add(again);
            }
        }, Progress.NONE);
        assertTrue(r.diverged());
        assertEquals(SemTrainer.MAX_RECOVERIES, r.recoveries());
        assertEquals(SemTrainer.MAX_RECOVERIES + 1, rates.size());
        for (int i = 0; i < SemTrainer.MAX_RECOVERIES; i++) {
            assertEquals(1e30f / (1 << (i + 1)), rates.get(i), 1e24f);
            assertTrue(retrying.get(i));
        }
        assertFalse(retrying.get(SemTrainer.MAX_RECOVERIES));
        assertTrue(reports.isEmpty(), "no diverged epoch is reported as a finished one");
        assertFalse(Files.exists(out.resolve("model.json")), "no checkpoint of a diverged epoch is written");
    }

    @Test
    void cancelStopsBeforeTheFirstBatch() throws Exception {
        SemDataset data = generated("gen2", 1, 9);
        TrainingOptions options = TrainingOptions.defaults().withEpochs(3).withInput(64, 1);
        TrainingResult r = new SemTrainer(options).train(data, tmp.resolve("never"), TrainingListener.none(),
                new RecordingProgress(0));
        assertTrue(r.cancelled());
        assertTrue(r.history().isEmpty());
        assertFalse(Files.exists(tmp.resolve("never").resolve("model.json")));
    }

    /** A small generated data set of 64 px images (generator seed 92) in {@code tmp/dir}. */
    private SemDataset generated(String dir, int perClass, int seed) throws Exception {
        Path dataDir = tmp.resolve(dir);
        new SemGenerator(64, 92, 1).generate(dataDir, ClassQuota.balanced(perClass), seed, Progress.NONE);
        return DatasetOpener.open(dataDir);
    }
}
