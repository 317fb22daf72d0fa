package defectlens.study;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RatingSessionTest {
    @Test
    void aRestartedSessionResumesWhereTheRaterStopped(@TempDir Path dir) {
        StudyFixtures.plan("s1", 3, "gradcam", "craft").save(dir.resolve("study.json"));
        StudyFolder study = StudyFolder.open(dir);
        StudyItem first;
        try (RatingSession s = new RatingSession(study, "carol", "test")) {
            first = s.order().get(0);
            for (String q : s.plan().questionnaire().questionIds()) {
                s.answer(first, q, 4, "");
            }
            s.answer(s.order().get(1), "Q1", 2, "");
            Rating same = s.answer(s.order().get(1), "Q1", 2, "");
            assertSame(same, s.answer(s.order().get(1), "Q1").orElseThrow(), "unchanged answers are not written again");
            assertEquals(8, s.comment(first, "hot spot off the defect"), "the comment is re-submitted with every answer of the item");
        }
        try (RatingSession s = new RatingSession(study, "carol", "test")) {
            RaterProgress p = s.progress();
            assertEquals(9, p.answered());
            assertEquals(1, p.resumeItem());
            assertEquals(1, p.resumeQuestion());
            assertEquals("hot spot off the defect", s.comment(first));
            assertEquals(4, s.answer(first, "Q8").orElseThrow().value());
        }
        RatingSet set = study.ratings();
        assertEquals(17, set.all().size());
        assertEquals(9, set.effective().size());
    }
}
