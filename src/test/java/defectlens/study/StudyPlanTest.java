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

    private static final Path DEMO = Path.of("datasets/sem-demo");

    private static List<StudyCreator.Candidate> demoImages() {
        return DatasetOpener.open(DEMO).samples().stream()
                .map(s -> new StudyCreator.Candidate(s.id(), s.image())).toList();
    }
}
