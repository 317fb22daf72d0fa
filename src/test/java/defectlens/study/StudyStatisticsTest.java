package defectlens.study;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Checks the study statistics against numbers computed independently with NumPy and SciPy by
 * {@code src/test/resources/study/make_reference.py} on the committed {@code ratings-fixture.csv}.
 */
class StudyStatisticsTest {
    static JsonNode ref;
    static StudySummary summary;

    @BeforeAll
    static void analyse() throws Exception {
        ref = new ObjectMapper().readTree(StudyStatisticsTest.class.getResourceAsStream("/study/reference.json"));
        List<Rating> ratings = new ArrayList<>();
        try (InputStream in = StudyStatisticsTest.class.getResourceAsStream("/study/ratings-fixture.csv")) {
            List<String> lines = Arrays.asList(new String(in.readAllBytes(), StandardCharsets.UTF_8).split("\r?\n"));
            for (String line : lines.subList(1, lines.size())) {
                String[] f = line.split(",");
                ratings.add(new Rating(f[0], "s1", f[1], f[2], f[3], f[4], Integer.parseInt(f[5]), "", f[6], "1.0", "test"));
            }
        }
        summary = StudyAnalysis.summarize(StudyFixtures.plan("s1", 6, "gradcam", "craft"), RatingSet.of(ratings));
        assertEquals(1, summary.replaced());
    }

    @Test
    void descriptivesMatchNumpy() {
        for (String m : List.of("gradcam", "craft")) {
            for (String q : summary.questions()) {
                JsonNode r = ref.get("stats").get(m + "/" + q);
                MethodQuestionStats s = summary.stats(m, q);
                assertEquals(r.get("n").asInt(), s.n(), m + q);
                assertEquals(r.get("mean").asDouble(), s.mean(), 1e-12, m + q);
                assertEquals(r.get("sd").asDouble(), s.sd(), 1e-12, m + q);
                assertEquals(r.get("median").asDouble(), s.median(), 1e-12, m + q);
                assertEquals(r.get("ratings_at_least_4").asInt(), s.ratingsAtLeast4(), m + q);
                assertEquals(r.get("raters").asInt(), s.raters(), m + q);
                assertEquals(r.get("raters_agreeing").asInt(), s.ratersAgreeing(), m + q);
            }
        }
    }

    @Test
    void wilcoxonMatchesScipy() {
        for (PairedComparison c : summary.comparisons()) {
            JsonNode r = ref.get("comparisons").get(c.question());
            assertEquals(r.get("pairs").asInt(), c.pairs(), c.question());
            assertEquals(r.get("n").asInt(), c.n(), c.question());
            assertEquals(r.get("mean_difference").asDouble(), c.meanDifference(), 1e-12);
            assertEquals(r.get("statistic").asDouble(), c.statistic(), 1e-9, c.question());
            assertEquals(r.get("exact").asBoolean(), c.exact(), c.question());
            assertEquals(r.get("p").asDouble(), c.pValue(), 1e-9, c.question());
        }
    }

    @Test
    void exactWilcoxonOnTieFreeDataMatchesScipy() {
        JsonNode r = ref.get("tie_free");
        List<Rating> a = new ArrayList<>();
        List<Rating> b = new ArrayList<>();
        // values scaled to whole numbers keep the ranks: x100
        for (int i = 0; i < r.get("x").size(); i++) {
            a.add(StudyFixtures.rating("a" + i, "r" + i, "img", "m1", "Q1", (int) Math.round(r.get("x").get(i).asDouble() * 100), "t"));
            b.add(StudyFixtures.rating("b" + i, "r" + i, "img", "m2", "Q1", (int) Math.round(r.get("y").get(i).asDouble() * 100), "t"));
        }
        PairedComparison c = PairedComparison.of("Q1", "m1", "m2", a, b);
        assertTrue(c.exact());
        assertEquals(r.get("statistic").asDouble(), c.statistic(), 1e-9);
        assertEquals(r.get("p").asDouble(), c.pValue(), 1e-12);
    }

    @Test
    void krippendorffAlphaMatchesNumpyReference() {
        assertEquals(ref.get("alpha").get("overall").asDouble(), summary.agreement().alpha(), 1e-12);
        for (String q : summary.questions()) {
            assertEquals(ref.get("alpha").get(q).asDouble(), summary.agreement().perQuestion().get(q), 1e-12, q);
        }
    }

    @Test
    void krippendorffAlphaReproducesThePublishedExample() {
        Integer[][] data = {
            {1, 2, 3, 3, 2, 1, 4, 1, 2, null, null, null},
            {1, 2, 3, 3, 2, 2, 4, 1, 2, 5, null, 3},
            {null, 3, 3, 3, 2, 3, 4, 2, 2, 5, 1, null},
            {1, 2, 3, 3, 2, 4, 4, 1, 2, 5, 1, null}};
        List<List<Integer>> units = new ArrayList<>();
        for (int u = 0; u < 12; u++) {
            List<Integer> values = new ArrayList<>();
            for (Integer[] observer : data) {
                if (observer[u] != null) {
                    values.add(observer[u]);
                }
            }
            units.add(values);
        }
        double alpha = KrippendorffAlpha.ordinal(units);
        assertEquals(ref.get("alpha").get("krippendorff2011").asDouble(), alpha, 1e-12);
        assertEquals(0.815, alpha, 0.0005, "Krippendorff (2011) publishes 0.815");
    }

    @Test
    void perfectAgreementIsOne() {
        assertEquals(1.0, KrippendorffAlpha.ordinal(List.of(List.of(1, 1), List.of(3, 3, 3), List.of(5, 5))), 1e-12);
    }
}
