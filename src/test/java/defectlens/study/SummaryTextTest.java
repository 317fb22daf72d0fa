package defectlens.study;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

/** The summary in words says what is missing instead of NaN, and the Likert chart's rows add up. */
class SummaryTextTest {
    @Test
    void anUnratedStudySaysNotEnoughDataAndWhatIsMissing() {
        StudyPlan plan = StudyFixtures.plan("s1", 2, "gradcam", "craft");
        StudySummary s = StudyAnalysis.summarize(plan, RatingSet.of(List.of()));
        String agreement = SummaryText.agreement(s.agreement());
        assertTrue(agreement.contains("not enough data") && agreement.contains("two or more raters"), agreement);
        String comparison = SummaryText.comparison(s.comparisons().get(0));
        assertTrue(comparison.contains("not enough data") && comparison.contains("both methods"), comparison);
        assertFalse((agreement + comparison).contains("NaN"));
        assertEquals("-", SummaryText.number(Double.NaN, "%.2f"));
        assertEquals("not enough data (no rating)", SummaryText.mean(s.stats().get(0)));
    }

    @Test
    void pluralsAndAgreementOfOneRaterWithEqualValues() {
        assertEquals("1 rater", Plural.of(1, "rater"));
        assertEquals("0 raters", Plural.of(0, "rater"));
        assertEquals("2 raters", Plural.of(2, "rater"));
        StudyPlan plan = StudyFixtures.plan("s1", 1, "gradcam", "craft");
        List<Rating> ratings = List.of(
                StudyFixtures.rating("1", "ann", "img00", "gradcam", "Q1", 4, "t1"),
                StudyFixtures.rating("2", "bob", "img00", "gradcam", "Q1", 4, "t1"),
                StudyFixtures.rating("3", "ann", "img00", "craft", "Q1", 4, "t1"),
                StudyFixtures.rating("4", "bob", "img00", "craft", "Q1", 4, "t1"));
        StudySummary s = StudyAnalysis.summarize(plan, RatingSet.of(ratings));
        String agreement = SummaryText.agreement(s.agreement());
        assertTrue(agreement.contains("no variation"), agreement);
        String comparison = SummaryText.comparison(s.comparisons().get(0));
        assertTrue(comparison.contains("2 pairs") && comparison.contains("every pair rated equal"), comparison);
    }

    @Test
    void likertRowsCountEachValueAndDivergeAroundTheNeutralAnswer() {
        StudyPlan plan = StudyFixtures.plan("s1", 2, "gradcam", "craft");
        List<Rating> ratings = List.of(
                StudyFixtures.rating("1", "ann", "img00", "gradcam", "Q1", 1, "t1"),
                StudyFixtures.rating("2", "ann", "img01", "gradcam", "Q1", 3, "t1"),
                StudyFixtures.rating("3", "bob", "img00", "gradcam", "Q1", 5, "t1"),
                StudyFixtures.rating("4", "bob", "img01", "gradcam", "Q1", 5, "t1"));
        LikertCounts counts = LikertCounts.of(plan, RatingSet.of(ratings));
        assertEquals(16, counts.rows().size(), "8 statements x 2 methods");
        LikertCounts.Row row = counts.rows().get(0);
        assertEquals("gradcam", row.method());
        assertArrayEquals(new int[] {1, 0, 1, 0, 2}, row.counts());
        double[][] seg = LikertCounts.segments(row);
        assertEquals(-0.375, seg[0][0], 1e-12, "1 disagree + half a neutral of 4 answers left of the centre");
        assertEquals(0.625, seg[4][1], 1e-12);
        assertEquals(0, counts.rows().get(1).n(), "craft has no rating");
    }
}
