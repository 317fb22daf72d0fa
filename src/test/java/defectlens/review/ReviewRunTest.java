package defectlens.review;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import defectlens.app.TinySemBundle;
import defectlens.core.Progress;
import defectlens.dataset.DatasetOpener;
import defectlens.dataset.SampleDatasets;
import defectlens.dataset.SemDataset;
import defectlens.model.ModelBundle;
import defectlens.model.SemClassifier;
import defectlens.model.SplitClassifier;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A review's predictions are computed once: a cancelled run keeps what it did, the next run does only the rest,
 * a reopened review finds them all without classifying, and other weights or changed data make them stale.
 */
class ReviewRunTest {
    @Test
    void predictionsSurviveCancelReopenAndGoStaleWithOtherWeightsOrData(@TempDir Path tmp) throws Exception {
        Path data = SampleDatasets.carinthiaS(tmp.resolve("cs"), 4, false);
        Path model = TinySemBundle.save(tmp.resolve("model"));
        SemDataset d = DatasetOpener.open(data);
        ReviewFolder f = ReviewSetup.sem(tmp.resolve("review"), data, d, "tiny", model, TinySemBundle.CLASSES,
                QueueSpec.of(QueueOrder.LEAST_CERTAIN));
        assertEquals(d.size(), f.definition().data().items());
        PredictionTable t = f.predictions().orElseThrow();
        assertEquals(0, t.doneCount());

        AtomicInteger batches = new AtomicInteger();
        AtomicInteger saves = new AtomicInteger();
        int batch;
        try (SplitClassifier m = ModelBundle.load(model); SemClassifier c = new SemClassifier(m)) {
            batch = SemClassifier.recommendedBatch(m.input());
            Progress cancelAfterOneBatch = Progress.cancelledWhen(() -> batches.get() >= 1);
            PredictionRun first = new PredictionRun(tt -> {
                saves.incrementAndGet();
                f.savePredictions(tt);
            }, rows -> batches.incrementAndGet());
            PredictionRun.Result r = first.sem(c, d, t, cancelAfterOneBatch);
            assertTrue(r.cancelled());
            assertEquals(Math.min(batch, d.size()), r.classified());
            assertTrue(saves.get() >= 1, "the cancelled run saved what it did");
        }
        assertTrue(batch < d.size(), "the test needs more than one batch: " + batch + " of " + d.size());
        ReviewFolder again = ReviewFolder.open(f.dir());
        ReviewPredictions p = ReviewPredictions.open(again, ReviewItems.of(d, TinySemBundle.CLASSES),
                ModelFingerprint.of(model), DataFingerprint.stamp(d), () -> DataFingerprint.of(d));
        assertNull(p.stale());
        assertEquals(batch, p.table().doneCount());
        AtomicInteger classifiedNow = new AtomicInteger();
        try (SplitClassifier m = ModelBundle.load(model); SemClassifier c = new SemClassifier(m)) {
            new PredictionRun(again::savePredictions, rows -> classifiedNow.addAndGet(rows.length))
                    .sem(c, d, p.table(), Progress.NONE);
        }
        assertEquals(d.size() - batch, classifiedNow.get(), "the second run classified only the rest");

        ReviewFolder third = ReviewFolder.open(f.dir());
        PredictionTable all = ReviewPredictions.open(third, ReviewItems.of(d, TinySemBundle.CLASSES),
                ModelFingerprint.of(model), DataFingerprint.stamp(d), () -> DataFingerprint.of(d)).table();
        assertEquals(d.size(), all.doneCount());

        // other weights: the model bundle's files change
        Files.writeString(model.resolve("notes.txt"), "retrained");
        ReviewPredictions other = ReviewPredictions.open(ReviewFolder.open(f.dir()), ReviewItems.of(d,
                TinySemBundle.CLASSES), ModelFingerprint.of(model), DataFingerprint.stamp(d), () -> DataFingerprint.of(d));
        assertNotNull(other.stale());
        assertTrue(other.stale().contains("weights"), other.stale());
        assertEquals(0, other.table().doneCount());
        assertEquals(ModelFingerprint.of(model), ReviewFolder.open(f.dir()).definition().model().weightsSha256());
    }

    @Test
    void changedDataMakesThePredictionsStaleButATouchDoesNot(@TempDir Path tmp) throws Exception {
        Path data = SampleDatasets.carinthiaS(tmp.resolve("cs"), 2, false);
        Path model = TinySemBundle.save(tmp.resolve("model"));
        SemDataset d = DatasetOpener.open(data);
        ReviewFolder f = ReviewSetup.sem(tmp.resolve("review"), data, d, "tiny", model, TinySemBundle.CLASSES,
                QueueSpec.of(QueueOrder.DATASET));
        PredictionTable t = f.predictions().orElseThrow();
        t.setRow(0, new float[] {1, 0, 0, 0, 0, 0});
        f.savePredictions(t);
        Path image = d.samples().get(1).image();
        Files.setLastModifiedTime(image, java.nio.file.attribute.FileTime.fromMillis(1_000_000));
        SemDataset touched = DatasetOpener.open(data);
        ReviewPredictions p = ReviewPredictions.open(ReviewFolder.open(f.dir()), ReviewItems.of(touched,
                TinySemBundle.CLASSES), ModelFingerprint.of(model), DataFingerprint.stamp(touched),
                () -> DataFingerprint.of(touched));
        assertNull(p.stale(), "same bytes, only a new time");
        assertEquals(1, p.table().doneCount());

        byte[] b = Files.readAllBytes(image);
        b[b.length / 2] ^= 0x10;
        Files.write(image, b);
        SemDataset changed = DatasetOpener.open(data);
        ReviewPredictions q = ReviewPredictions.open(ReviewFolder.open(f.dir()), ReviewItems.of(changed,
                TinySemBundle.CLASSES), ModelFingerprint.of(model), DataFingerprint.stamp(changed),
                () -> DataFingerprint.of(changed));
        assertNotNull(q.stale());
        assertEquals(0, q.table().doneCount());
    }
}
