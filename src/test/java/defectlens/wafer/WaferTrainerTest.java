package defectlens.wafer;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import defectlens.core.DefectLensException;
import defectlens.core.Progress;
import defectlens.model.EpochReport;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class WaferTrainerTest {
    private static final List<String> CLASSES = List.of("Center", "Edge-Ring");

    /** 32 maps with a failed blob near the centre (label 0) and 32 with a failed ring at the edge (label 1). */
    static LabelledMaps centreBlobsAndEdgeRings(long seed) {
        Random random = new Random(seed);
        int n = 64;
        float[][] maps = new float[n][];
        int[] labels = new int[n];
        for (int i = 0; i < n; i++) {
            int label = i % 2;
            float[] m = new float[64 * 64];
            double cr = 31.5 + random.nextGaussian() * 2;
            double cc = 31.5 + random.nextGaussian() * 2;
            double blob = 6 + random.nextDouble() * 6;
            double inner = 24 + random.nextDouble() * 3;
            for (int r = 0; r < 64; r++) {
                for (int c = 0; c < 64; c++) {
                    double dw = Math.hypot(r - 31.5, c - 31.5);
                    if (dw > 31) {
                        continue; // off the wafer
                    }
                    boolean fail = label == 0 ? Math.hypot(r - cr, c - cc) < blob : dw > inner;
                    if (fail ? random.nextDouble() < 0.9 : random.nextDouble() < 0.03) {
                        m[r * 64 + c] = 1f;
                    }
                }
            }
            maps[i] = m;
            labels[i] = label;
        }
        return new LabelledMaps(maps, labels);
    }

    private static WaferTrainingConfig quick(int epochs) {
        return WaferTrainingConfig.paper().withMaxEpochs(epochs).withBatchSize(16).withSeed(7);
    }

    @Test
    void dihedralAugmentationEncodesTheEightSymmetriesAndIsRecorded() {
        LabelledMaps data = centreBlobsAndEdgeRings(5);
        float[][] maps = java.util.Arrays.copyOf(data.maps(), 3);
        WaferInputEncoder encoder = new WaferInputEncoder(WaferVariant.PROPOSED);
        assertEquals(1, new WaferTrainer(quick(1)).encodeTraining(encoder, maps).length, "no augmentation: one view");
        WaferTrainer trainer = new WaferTrainer(quick(1).withAugmentation(TrainingAugmentation.DIHEDRAL));
        float[][][] views = trainer.encodeTraining(encoder, maps);
        assertEquals(8, views.length);
        List<AugmentedTestSet.Transform> transforms = AugmentedTestSet.ROTFLIP.transforms();
        for (int i = 0; i < maps.length; i++) {
            assertArrayEquals(encoder.encode(maps[i]), views[0][i]);
            for (int t = 0; t < transforms.size(); t++) {
                assertArrayEquals(encoder.encode(transforms.get(t).apply(maps[i])), views[t + 1][i]);
            }
        }
        WaferTrainingResult r = trainer.train(WaferVariant.BASELINE, CLASSES, data, Map.of(), e -> { }, Progress.NONE);
        try (WaferModel m = r.model()) {
            Map<?, ?> facts = (Map<?, ?>) m.provenance().get("training");
            assertTrue(String.valueOf(facts.get("augmentation")).startsWith("dihedral"), facts.toString());
        }
    }

    @Test
    void rotationAugmentationTrainsAndIsRecorded() {
        LabelledMaps data = centreBlobsAndEdgeRings(6);
        WaferTrainer trainer = new WaferTrainer(quick(2).withAugmentation(TrainingAugmentation.parse("rotation")));
        try (WaferModel m = trainer.train(WaferVariant.PROPOSED, CLASSES, data, Map.of(), e -> { }, Progress.NONE)
                .model()) {
            Map<?, ?> facts = (Map<?, ?>) m.provenance().get("training");
            assertTrue(String.valueOf(facts.get("augmentation")).startsWith("rotation"), facts.toString());
        }
        assertThrows(IllegalArgumentException.class, () -> TrainingAugmentation.parse("shear"));
    }

    @Test
    void proposedModelLearnsCentreVersusEdgeRingAndRoundTripsAsABundle(@TempDir Path dir) throws Exception {
        LabelledMaps data = centreBlobsAndEdgeRings(1);
        List<EpochReport> seen = new ArrayList<>();
        WaferTrainingResult result = new WaferTrainer(quick(4))
                .train(WaferVariant.PROPOSED, CLASSES, data, Map.of("data", "synthetic"), seen::add, Progress.NONE);
        try (WaferModel model = result.model()) {
            assertEquals(4, seen.size());
            assertEquals(seen, result.history());
            double first = seen.get(0).trainLoss();
            double last = seen.get(seen.size() - 1).trainLoss();
            assertTrue(last < first, "training loss falls: " + first + " -> " + last);
            assertTrue(result.bestValidationLoss() <= seen.get(0).validationLoss());
            assertEquals(3e-4f * 0.99f, seen.get(1).learningRate(), 1e-9f);

            float[][] probe = centreBlobsAndEdgeRings(2).maps();
            float[][] before = model.predict(probe);
            WaferModelBundle.save(model, dir);
            assertTrue(Files.isRegularFile(dir.resolve("model.json")));
            assertTrue(Files.isRegularFile(dir.resolve("model.params")));
            String json = Files.readString(dir.resolve("model.json"));
            assertTrue(json.contains("\"variant\" : \"proposed\"") && json.contains("\"Edge-Ring\""), json);
            try (WaferModel loaded = WaferModelBundle.load(dir)) {
                assertEquals(WaferVariant.PROPOSED, loaded.variant());
                assertEquals(CLASSES, loaded.classes());
                assertEquals(64, loaded.angles());
                assertEquals("synthetic", loaded.provenance().get("data"));
                float[][] after = loaded.predict(probe);
                for (int i = 0; i < probe.length; i++) {
                    assertArrayEquals(before[i], after[i], 1e-6f);
                }
            }
        }
    }

    @Test
    void cancellationStopsAndStillReturnsTheBestWeights() {
        AtomicInteger epochs = new AtomicInteger();
        WaferTrainingResult result = new WaferTrainer(quick(50)).train(WaferVariant.BASELINE, CLASSES,
                centreBlobsAndEdgeRings(3), Map.of(), r -> epochs.incrementAndGet(),
                Progress.cancelledWhen(() -> epochs.get() >= 2));
        try (WaferModel model = result.model()) {
            assertTrue(result.cancelled());
            assertEquals(2, result.history().size());
            assertEquals("cancelled", model.provenance().get("training") instanceof Map<?, ?> t ? t.get("stopReason") : null);
            assertEquals(8, model.classify(java.util.Arrays.copyOf(centreBlobsAndEdgeRings(4).maps(), 8)).length);
        }
    }

    @Test
    void earlyStopAfterPatienceEpochsWithoutImprovement() {
        // labels that carry no signal: the validation loss stops improving within a few epochs
        LabelledMaps blobs = centreBlobsAndEdgeRings(5);
        Random random = new Random(11);
        int[] noise = new int[24];
        for (int i = 0; i < noise.length; i++) {
            noise[i] = i < 12 ? i % 2 : random.nextInt(2);
        }
        LabelledMaps data = new LabelledMaps(java.util.Arrays.copyOf(blobs.maps(), 24), noise);
        WaferTrainingConfig config = quick(25).withPatience(2).withBatchSize(8);
        WaferTrainingResult result = new WaferTrainer(config).train(WaferVariant.BASELINE, CLASSES, data, Map.of(),
                r -> { }, Progress.NONE);
        try (WaferModel model = result.model()) {
            List<EpochReport> h = result.history();
            assertEquals("early-stop", result.stopReason(), h.toString());
            assertEquals(2, h.get(h.size() - 1).epochsWithoutImprovement());
            assertEquals(h.size() - 3, result.bestEpoch());
            assertEquals(h.get(result.bestEpoch()).validationLoss(), result.bestValidationLoss());
        }
    }

    @Test
    void missingOrForeignBundlesFailWithTheFileName(@TempDir Path dir) throws Exception {
        DefectLensException missing = assertThrows(DefectLensException.class, () -> WaferModelBundle.load(dir));
        assertTrue(missing.getMessage().contains("model.json"));
        Files.writeString(dir.resolve("model.json"), "{\"format\": \"something-else\"}");
        DefectLensException foreign = assertThrows(DefectLensException.class, () -> WaferModelBundle.load(dir));
        assertTrue(foreign.getMessage().contains(dir.resolve("model.json").toString()));
    }
}
