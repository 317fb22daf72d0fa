package defectlens.model;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import defectlens.core.Progress;
import defectlens.dataset.ClassQuota;
import defectlens.dataset.DatasetOpener;
import defectlens.dataset.SemDataset;
import defectlens.dataset.SemGenerator;
import defectlens.dataset.SemVariety;
import defectlens.image.SemImageReader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CropTrainingTest {
    @TempDir
    Path tmp;

    @Test
    void cropRunRecordsItsWindowClassifiesWholeFramesAndResumes() throws Exception {
        Path dataDir = tmp.resolve("gen");
        new SemGenerator(96, 92, 1, SemVariety.WIDE).generate(dataDir, ClassQuota.balanced(2), 5, Progress.NONE);
        SemDataset data = DatasetOpener.open(dataDir);
        TrainingOptions options = new TrainingOptions(EfficientNetV2Config.TINY, BalanceMode.OVERSAMPLE, 2, 3, 0.0, 0,
                6, 3e-3f, 0, 1, null, true, "crop-test", "test").withCrops(CropTraining.of(48, 24), false);
        List<EpochReport> reports = new ArrayList<>();
        Path out = tmp.resolve("bundle");
        new SemTrainer(options).train(data, out, reports::add, Progress.NONE);
        assertEquals(2, reports.size());
        ModelManifest m = ModelBundle.readManifest(out);
        assertEquals(48, m.input().height());
        SlidingWindow w = m.slidingWindow();
        assertNotNull(w, "the bundle records its sliding window");
        assertEquals(96, w.frame());
        assertEquals(24, w.stride());
        assertEquals(SlidingWindow.DEFECT_MAX, w.aggregation());
        assertEquals(9, w.count());
        assertEquals(96, m.frameInput().width());
        assertTrue(Files.isRegularFile(out.resolve("checkpoint").resolve("state.json")));
        assertFalse(m.provenance().data().contains(tmp.toString()), "no machine path in the provenance");
        try (SplitClassifier model = ModelBundle.load(out); SemClassifier classifier = new SemClassifier(model)) {
            assertEquals(96, model.input().height(), "a windowed model takes whole frames");
            Prediction p = classifier.classify("x", SemImageReader.read(data.samples().get(0).image()), 2);
            double sum = 0;
            for (double v : p.probabilities()) {
                sum += v;
            }
            assertEquals(1.0, sum, 1e-4);
            assertEquals(data.size(), classifier.classifyAll(data, 1, 4, Progress.NONE).size());
            // features and head run on the whole frame: stage4 of a 96 px frame is 6 x 6
            ExplainableLayer stage4 = model.explainableLayers().stream()
                    .filter(l -> l.name().equals("stage4")).findFirst().orElseThrow();
            assertEquals(6, stage4.height());
        }
        List<EpochReport> more = new ArrayList<>();
        new SemTrainer(options.withEpochs(3).withCrops(options.crops(), true)).train(data, out, more::add,
                Progress.NONE);
        assertEquals(1, more.size(), "a resumed run goes on after the last finished epoch");
        assertEquals(3, more.get(0).epoch());
        assertEquals(3, TrainingCheckpoint.readState(out).epoch());
    }
}
