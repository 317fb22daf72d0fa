package defectlens.study;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import defectlens.core.DefectLensException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RatingSessionTest {
    @Test
    void aRestartedSessionResumesWhereTheRaterStopped(@TempDir Path dir) {
        StudyPlan plan = StudyFixtures.plan("s1", 3, "gradcam", "craft");
        plan.save(dir.resolve("study.json"));
        StudyFixtures.pictures(dir, plan);
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

    @Test
    void anItemWhosePictureIsMissingCannotBeRatedAndIsNotCounted(@TempDir Path dir) throws Exception {
        StudyPlan plan = StudyFixtures.plan("s1", 2, "gradcam", "craft");
        plan.save(dir.resolve("study.json"));
        StudyFixtures.pictures(dir, plan);
        StudyFolder study = StudyFolder.open(dir);
        StudyItem gone = new StudyItem("img01", "craft");
        Files.delete(study.pictureFile("craft", "img01"));
        assertEquals(List.of(gone), study.unavailableItems());
        try (RatingSession s = new RatingSession(study, "dora", "test")) {
            DefectLensException e = assertThrows(DefectLensException.class, () -> s.answer(gone, "Q1", 4, ""));
            assertTrue(e.getMessage().contains("picture is missing"), e.getMessage());
            assertFalse(e.getMessage().contains("craft"), "the refusal names the label, not the method: " + e.getMessage());
            StudyItem fine = new StudyItem("img01", "gradcam");
            s.answer(fine, "Q1", 4, "");
            RaterProgress p = s.progress();
            assertEquals(1, p.unavailable());
            assertEquals(3 * 8, p.total(), "three items can be rated");
        }
        assertEquals(1, RatingJournal.read(study.journalFile("dora")).size(), "only the rating of the shown picture");
        assertTrue(RatingJournal.read(study.journalFile("dora")).stream().noneMatch(r -> r.item().equals(gone)));
    }
}
