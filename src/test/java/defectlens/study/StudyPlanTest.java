package defectlens.study;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import defectlens.dataset.DatasetOpener;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class StudyPlanTest {
    @Test
    void createFromTheDemoSetBlindsMethodsAndRoundTrips(@TempDir Path dir) {
        Path studyDir = dir.resolve("study1");
        StudyPlan plan = StudyCreator.create(DEMO, demoImages(), List.of("gradcam", "craft"),
                6, 7, new ModelRef("sem-demo", "0.1"), Questionnaire.explanationSatisfaction(), studyDir);
        assertEquals(6, plan.images().size());
        assertEquals("gradcam", plan.blinding().get("Explanation A"));
        assertEquals("Explanation B", plan.labelOf("craft"));
        StudyPlan again = StudyPlan.load(studyDir.resolve("study.json"));
        assertEquals(plan, again);
        for (StudyImage img : plan.images()) {
            assertTrue(Files.isRegularFile(again.imageFile(studyDir, img.id())), img.path());
        }
    }

    @Test
    void raterOrderIsReproduciblePerRaterAndDiffersBetweenRaters() {
        StudyPlan plan = StudyFixtures.plan("s1", 10, "gradcam", "craft");
        List<StudyItem> a1 = RaterOrder.of(plan, "alice");
        List<StudyItem> a2 = RaterOrder.of(plan, "alice");
        List<StudyItem> b = RaterOrder.of(plan, "bob");
        assertEquals(a1, a2);
        assertNotEquals(a1, b);
        assertEquals(20, a1.size());
        assertEquals(20, new HashSet<>(a1).size());
        assertEquals(new HashSet<>(a1), new HashSet<>(b));
        assertEquals(RaterOrder.seed("s1", "alice"), RaterOrder.seed("s1", "alice"));
        assertNotEquals(RaterOrder.seed("s1", "alice"), RaterOrder.seed("s2", "alice"));
        assertEquals(3257783360935532369L, RaterOrder.seed("s1", "alice"), "python: struct.unpack('>q', sha256(b's1\\nalice')[:8])");
    }

    @Test
    void progressResumesAtTheFirstUnansweredQuestion() {
        StudyPlan plan = StudyFixtures.plan("s1", 2, "gradcam", "craft");
        List<StudyItem> order = RaterOrder.of(plan, "alice");
        List<Rating> given = new java.util.ArrayList<>();
        for (String q : plan.questionnaire().questionIds()) {
            given.add(Rating.submit(plan, "alice", order.get(0), q, 4, "", "t"));
        }
        given.add(Rating.submit(plan, "alice", order.get(1), "Q1", 2, "", "t"));
        given.add(Rating.submit(plan, "alice", order.get(1), "Q3", 2, "", "t"));
        RaterProgress p = RaterProgress.of(plan, "alice", given);
        assertEquals(10, p.answered());
        assertEquals(32, p.total());
        assertEquals(1, p.resumeItem());
        assertEquals(1, p.resumeQuestion());
        assertFalse(p.complete());
    }

    @Test
    void samplingPerClassOnlyWithMasksAndTheOrganisersChoicesRoundTrip(@TempDir Path dir) throws Exception {
        List<StudyCreator.Candidate> all = DatasetOpener.open(DEMO).samples().stream()
                .map(s -> new StudyCreator.Candidate(s.id(), s.image(), s.label(), s.mask() != null)).toList();
        StudySampling perClass = new StudySampling(2, true, 9, true);
        List<StudyCreator.Candidate> drawn = perClass.choose(all);
        java.util.Map<String, Long> counts = drawn.stream().collect(java.util.stream.Collectors.groupingBy(
                StudyCreator.Candidate::label, java.util.stream.Collectors.counting()));
        assertTrue(drawn.stream().allMatch(StudyCreator.Candidate::hasMask));
        long classesWithMasks = all.stream().filter(StudyCreator.Candidate::hasMask).map(StudyCreator.Candidate::label)
                .distinct().count();
        assertEquals(classesWithMasks, counts.size());
        assertTrue(counts.values().stream().allMatch(n -> n <= 2), counts.toString());
        assertEquals(drawn, perClass.choose(all), "the draw is reproducible");

        Path studyDir = dir.resolve("s");
        StudyDesign design = new StudyDesign(List.of("gradcam", "craft"), perClass,
                new ModelRef("sem-demo", "", Path.of("models/sem-demo").toString()),
                Questionnaire.explanationSatisfaction(), List.of("anna", "ben"), false, true);
        StudyPlan plan = StudyCreator.create(DEMO, all, design, studyDir);
        assertEquals(drawn.size(), plan.images().size());
        assertEquals("gradcam", plan.labelOf("gradcam"), "unblinded: the label is the method's name");
        StudyPlan again = StudyPlan.load(studyDir.resolve("study.json"));
        assertEquals(List.of("anna", "ben"), again.raters());
        assertFalse(again.blinded());
        assertTrue(again.showClass());
        assertEquals(perClass, again.sampling());
        StudyFolder folder = StudyFolder.open(studyDir);
        assertEquals(Path.of("models/sem-demo").toAbsolutePath().normalize(), folder.modelDir().orElseThrow());
        assertEquals(drawn.size() * 2, folder.unavailableItems().size(), "no picture is made yet");
    }

    @Test
    void aPlanWrittenBeforeBlindingWasAChoiceIsBlinded(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("study.json");
        StudyFixtures.plan("old", 2, "gradcam", "craft").save(file);
        String json = Files.readString(file).replaceAll("(?s),\\s*\"raters\".*?\"sampling\" : null", "");
        assertFalse(json.contains("blinded"), json);
        Files.writeString(file, json);
        StudyPlan old = StudyPlan.load(file);
        assertTrue(old.blinded());
        assertFalse(old.showClass());
        assertEquals(List.of(), old.raters());
        assertEquals("Explanation B", old.labelOf("craft"));
    }

    private static final Path DEMO = Path.of("datasets/sem-demo");

    private static List<StudyCreator.Candidate> demoImages() {
        return DatasetOpener.open(DEMO).samples().stream()
                .map(s -> new StudyCreator.Candidate(s.id(), s.image())).toList();
    }
}
