package defectlens.wafer;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import defectlens.core.DefectLensException;
import defectlens.core.Progress;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Distillation of the shipped paper7 ensemble into a narrow student: the soft targets, a reproducible loss on a
 * tiny seeded set of real maps, the widths and the student bundle's round trip.
 */
class WaferDistillationTest {
    static final Path TEACHER = Path.of("models", "wafer-proposed-paper7");

    static WaferModel teacher;
    static LabelledMaps maps;

    @BeforeAll
    static void load() {
        teacher = WaferModelBundle.load(TEACHER);
        WaferDataset data = WaferPickleReader.read(WaferTestFiles.sample());
        List<Integer> rows = new ArrayList<>();
        int[] perClass = new int[teacher.classes().size()];
        for (int i = 0; i < data.size(); i++) {
            int c = teacher.classes().indexOf(data.get(i).label());
            if (c >= 0 && perClass[c] < 4) {
                perClass[c]++;
                rows.add(i);
            }
        }
        maps = WaferTrainingPlan.labelled(data, rows, teacher.classes());
    }

    @AfterAll
    static void close() {
        teacher.close();
    }

    @Test
    void studentWidthsAreOverFourTimesCheaperThanTheTeachersNetwork() {
        long paper = WaferWidths.PAPER.multiplyAdds(WaferVariant.PROPOSED, 7);
        // 16 x 9 x 64^2 + 2 x 64 x 16 x 9 x 32^2 + 128 x 64 x 9 x 16^2 + 256 x 128 x 9 x 8^2
        //     + 4096 x 256 + 256 x 128 + 128 x 7
        assertEquals(58_295_168L, paper);
        long student = WaferWidths.STUDENT.multiplyAdds(WaferVariant.PROPOSED, 7);
        assertTrue(paper >= 4 * student, paper + " vs " + student);
        assertEquals(WaferWidths.STUDENT, WaferWidths.parse("8,24,48,96/128,64"));
        assertEquals(WaferWidths.PAPER, WaferWidths.parse("paper"));
        assertThrows(IllegalArgumentException.class, () -> WaferWidths.parse("8,24,48/128,64"));
        assertThrows(IllegalArgumentException.class, () -> WaferWidths.parse("8,x,48,96/128,64"));
    }

    @Test
    void targetsAreTheTeachersAveragedProbabilitiesMixedWithTheLabel() {
        float[][] soft = new WaferDistillation(teacher, Map.of(), 0).targets(maps, Progress.NONE);
        float[][] expected = teacher.predict(maps.maps(), true);
        float[][] mixed = new WaferDistillation(teacher, Map.of(), 0.25).targets(maps, Progress.NONE);
        for (int i = 0; i < maps.size(); i++) {
            assertArrayEquals(expected[i], soft[i], 1e-6f);
            float sum = 0;
            for (int c = 0; c < soft[i].length; c++) {
                float hard = c == maps.labels()[i] ? 1 : 0;
                assertEquals(0.25f * hard + 0.75f * soft[i][c], mixed[i][c], 1e-6f);
                sum += mixed[i][c];
            }
            assertEquals(1f, sum, 1e-5f);
        }
        // the same target serves every turned / mirrored copy of a map
        float[][] turned = new float[maps.size()][];
        for (int i = 0; i < turned.length; i++) {
            turned[i] = WaferPreprocessing.flipHorizontal(WaferPreprocessing.rotate90(maps.maps()[i], 64, 1), 64);
        }
        float[][] moved = new WaferDistillation(teacher, Map.of(), 0).targets(
                new LabelledMaps(turned, maps.labels()), Progress.NONE);
        for (int i = 0; i < maps.size(); i++) {
            assertArrayEquals(soft[i], moved[i], 1e-5f);
        }
        assertThrows(IllegalArgumentException.class, () -> new WaferDistillation(teacher, Map.of(), 1.5));
    }

    @Test
    void temperedTargetsHoldTheWeightedLabelAndTheSoftenedTeacherSideBySide() {
        float[][] teacherRows = new WaferDistillation(teacher, Map.of(), 0).targets(maps, Progress.NONE);
        WaferDistillation d = new WaferDistillation(teacher, Map.of(), 0.2, 4);
        float[][] rows = d.targets(maps, Progress.NONE);
        int classes = teacher.classes().size();
        for (int i = 0; i < maps.size(); i++) {
            assertEquals(2 * classes, rows[i].length);
            double sum = 0;
            for (int c = 0; c < classes; c++) {
                sum += Math.pow(teacherRows[i][c], 0.25);
            }
            for (int c = 0; c < classes; c++) {
                assertEquals(c == maps.labels()[i] ? 0.2f : 0f, rows[i][c], 1e-7f);
                assertEquals(0.8 * Math.pow(teacherRows[i][c], 0.25) / sum, rows[i][classes + c], 1e-5);
            }
        }
        assertEquals(4.0, d.provenance().get("temperature"));
        assertThrows(IllegalArgumentException.class, () -> new WaferDistillation(teacher, Map.of(), 0.5, 0));
    }

    @Test
    void aTemperedDistillationTrainsAndSaysSo() {
        LabelledMaps[] parts = maps.split(0.25, 7);
        WaferDistillation d = new WaferDistillation(teacher, Map.of(), 0.3, 3);
        WaferTrainingConfig config = WaferTrainingConfig.paper().withMaxEpochs(3).withBatchSize(8).withSeed(7)
                .withLearningRate(1e-3f).withDecayPerEpoch(0.9f);
        WaferTrainingResult r = new WaferTrainer(config).train(WaferVariant.PROPOSED, WaferWidths.STUDENT,
                teacher.classes(), parts[0], parts[1], d.softTargets(parts[0], parts[1], Progress.NONE),
                Map.of("distillation", d.provenance()), e -> { }, Progress.NONE);
        try (WaferModel student = r.model()) {
            assertTrue(r.history().get(2).trainLoss() < r.history().get(0).trainLoss(), r.history().toString());
            assertEquals(1e-3 * 0.9 * 0.9, r.history().get(2).learningRate(), 1e-9);
            Map<?, ?> training = (Map<?, ?>) student.provenance().get("training");
            assertEquals("tempered distillation loss, temperature 3.0", training.get("loss"));
            assertEquals(0.9f, ((Number) training.get("decayPerEpoch")).floatValue());
        }
    }

    private static WaferTrainingResult distil(long seed) {
        LabelledMaps[] parts = maps.split(0.25, seed);
        WaferDistillation d = new WaferDistillation(teacher, Map.of(), 0.5);
        WaferTrainer.SoftTargets soft = d.softTargets(parts[0], parts[1], Progress.NONE);
        WaferTrainingConfig config = WaferTrainingConfig.paper().withMaxEpochs(3).withBatchSize(8).withSeed(seed);
        return new WaferTrainer(config).train(WaferVariant.PROPOSED, WaferWidths.STUDENT, teacher.classes(),
                parts[0], parts[1], soft, Map.of("distillation", d.provenance()), e -> { }, Progress.NONE);
    }

    @Test
    void distillationLossOnATinySeededSetIsReproducibleAndFalls(@TempDir Path tmp) {
        WaferTrainingResult a = distil(5);
        WaferTrainingResult b = distil(5);
        try (WaferModel first = a.model(); WaferModel second = b.model()) {
            assertEquals(3, a.history().size());
            for (int e = 0; e < 3; e++) {
                assertEquals(a.history().get(e).trainLoss(), b.history().get(e).trainLoss(), 1e-6, "epoch " + e);
                assertEquals(a.history().get(e).validationLoss(), b.history().get(e).validationLoss(), 1e-6);
            }
            assertTrue(a.history().get(2).trainLoss() < a.history().get(0).trainLoss(), a.history().toString());
            assertEquals(WaferWidths.STUDENT, first.widths());
            assertEquals("softmax cross-entropy to soft targets (distillation)",
                    ((Map<?, ?>) first.provenance().get("training")).get("loss"));
            float[][] before = first.predict(maps.maps());
            assertArrayEquals(before[0], second.predict(maps.maps())[0], 1e-6f);

            Path bundle = tmp.resolve("student");
            first.setForwardBatch(64);
            WaferModelBundle.save(first, bundle);
            try (WaferModel loaded = WaferModelBundle.load(bundle)) {
                assertEquals(WaferWidths.STUDENT, loaded.widths());
                assertEquals(64, loaded.forwardBatch(), "the bundle's measured forward batch");
                assertEquals(1, loaded.networkCount());
                float[][] after = loaded.predict(maps.maps());
                for (int i = 0; i < before.length; i++) {
                    assertArrayEquals(before[i], after[i], 1e-6f);
                }
            }
        }
    }

    @Test
    void teacherFactsNameTheBundleAndHashItsFilesButNoPath() {
        Map<String, Object> facts = WaferDistillation.teacherFacts(TEACHER, teacher);
        assertEquals("wafer-proposed-paper7", facts.get("name"));
        Map<?, ?> sha = (Map<?, ?>) facts.get("sha256");
        assertEquals(List.of("model.json", "model.params", "member-2.params"), new ArrayList<>(sha.keySet()));
        sha.values().forEach(v -> assertEquals(64, v.toString().length()));
        assertTrue(!facts.toString().contains("/"), facts.toString());
    }

    @Test
    void aTeacherOfOtherClassesOrAnotherSplitOfTheSameFileIsRefused() {
        Map<?, ?> data = (Map<?, ?>) teacher.provenance().get("data");
        Map<String, Object> sameFile = Map.of("file", "wm811k_dev.pkl", "sha256", data.get("sha256"));
        WaferDistillation.checkTeacher(TEACHER, teacher, teacher.classes(), sameFile, 0.2, 0);
        DefectLensException split = assertThrows(DefectLensException.class, () ->
                WaferDistillation.checkTeacher(TEACHER, teacher, teacher.classes(), sameFile, 0.2, 1));
        assertTrue(split.getMessage().contains("student's test set"), split.getMessage());
        WaferDistillation.checkTeacher(TEACHER, teacher, teacher.classes(), Map.of("sha256", "other"), 0.3, 9);
        DefectLensException classes = assertThrows(DefectLensException.class, () ->
                WaferDistillation.checkTeacher(TEACHER, teacher, List.of("Center", "Donut"), sameFile, 0.2, 0));
        assertTrue(classes.getMessage().contains("teacher classifies"), classes.getMessage());
    }
}
