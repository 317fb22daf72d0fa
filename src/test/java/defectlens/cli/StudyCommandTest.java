package defectlens.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import defectlens.study.Rating;
import defectlens.study.RaterOrder;
import defectlens.study.RatingJournal;
import defectlens.study.StudyFolder;
import defectlens.study.StudyItem;
import defectlens.study.StudyPlan;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The {@code study} commands end to end on the demo data set. */
class StudyCommandTest {
    @TempDir
    Path tmp;

    static CliTest.Result run(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int code = DefectLensCommand.run(new PrintWriter(out, true), new PrintWriter(err, true), args);
        return new CliTest.Result(code, out.toString(), err.toString());
    }

    private static void rateAll(StudyPlan plan, Path journal, String rater, int base) {
        try (RatingJournal j = RatingJournal.open(journal)) {
            for (StudyItem it : RaterOrder.of(plan, rater)) {
                int bonus = it.method().equals("craft") ? 1 : 0;
                for (String q : plan.questionnaire().questionIds()) {
                    j.append(Rating.submit(plan, rater, it, q, Math.min(5, base + bonus + (q.hashCode() & 1)), "", "test"));
                }
            }
        }
    }

    @Test
    void createRateMergeSummariseExport() throws Exception {
        Path study = tmp.resolve("study");
        CliTest.Result c = run("study", "create", "--data", "datasets/sem-demo", "--methods", "gradcam,craft",
                "--images", "4", "--seed", "3", "--model", "sem-demo", "--model-version", "0.1", "--out", study.toString(), "--json");
        assertEquals(0, c.code(), c.err());
        JsonNode created = new ObjectMapper().readTree(c.out());
        assertEquals(4 * 2 * 8, created.get("answersPerRater").asInt());
        StudyFolder f = StudyFolder.open(study);
        for (var img : f.plan().images()) {
            for (String method : f.plan().methods()) {
                Files.createDirectories(f.pictureFile(method, img.id()).getParent());
                Files.copy(f.plan().imageFile(study, img.id()), f.pictureFile(method, img.id()));
            }
        }
        rateAll(f.plan(), f.journalFile("alice"), "alice", 3);
        Path usb = tmp.resolve("usb").resolve("journal-bob.jsonl");
        rateAll(f.plan(), usb, "bob", 2);

        CliTest.Result m = run("study", "merge", "--study", study.toString(), "--from", usb.toString(), "--json");
        assertEquals(0, m.code(), m.err());
        assertEquals(64, new ObjectMapper().readTree(m.out()).get("added").asInt());
        CliTest.Result m2 = run("study", "merge", "--study", study.toString(), "--from", usb.toString(), "--json");
        assertEquals(64, new ObjectMapper().readTree(m2.out()).get("duplicates").asInt());

        CliTest.Result s = run("study", "summary", "--study", study.toString(), "--json");
        assertEquals(0, s.code(), s.err());
        JsonNode sum = new ObjectMapper().readTree(s.out());
        assertEquals(128, sum.get("ratings").asInt());
        assertEquals(List.of("alice", "bob"), List.of(sum.get("raters").get(0).asText(), sum.get("raters").get(1).asText()));
        assertEquals(16, sum.get("stats").size());
        assertEquals(8, sum.get("stats").get(0).get("n").asInt(), "4 images x 2 raters");
        assertEquals(8, sum.get("comparisons").size());
        assertTrue(sum.get("agreement").has("alpha"));

        Path csv = tmp.resolve("ratings.csv");
        CliTest.Result e = run("study", "export", "--study", study.toString(), "--csv", csv.toString());
        assertEquals(0, e.code(), e.err());
        List<String> lines = Files.readAllLines(csv);
        assertEquals(129, lines.size());
        assertTrue(lines.get(0).startsWith("study,rater,image,method,label,question,value"), lines.get(0));

        CliTest.Result st = run("study", "status", "--study", study.toString());
        assertEquals(0, st.code(), st.err());
        assertTrue(st.out().contains("alice") && st.out().contains("complete"), st.out());
        CliTest.Result text = run("study", "summary", "--study", study.toString());
        assertTrue(text.out().contains("Krippendorff"), text.out());
    }

    @Test
    void undefinedStatisticsOfAnUnratedStudyAreNull() throws Exception {
        Path study = tmp.resolve("empty");
        assertEquals(0, run("study", "create", "--data", "datasets/sem-demo", "--methods", "gradcam,craft", "--images", "2",
                "--out", study.toString()).code());
        CliTest.Result s = run("study", "summary", "--study", study.toString(), "--json");
        assertEquals(0, s.code(), s.err());
        JsonNode sum = new ObjectMapper().readTree(s.out());
        assertTrue(sum.get("stats").get(0).get("mean").isNull());
        assertTrue(sum.get("agreement").get("alpha").isNull());
        assertEquals(2, run("study", "create", "--data", "datasets/sem-demo", "--methods", "gradcam", "--out", study.toString()).code(),
                "a second create in the same folder must not overwrite the plan");
        CliTest.Result text = run("study", "summary", "--study", study.toString());
        assertFalse(text.out().contains("NaN"), text.out());
        assertTrue(text.out().contains("0 raters, 0 ratings") && text.out().contains("not enough data"), text.out());
    }

    @Test
    void statusCountsTheItemsWhosePictureIsMissing() throws Exception {
        Path study = tmp.resolve("pictures");
        assertEquals(0, run("study", "create", "--data", "datasets/sem-demo", "--methods", "gradcam,craft", "--images", "2",
                "--raters", "anna", "--out", study.toString()).code());
        StudyFolder f = StudyFolder.open(study);
        String made = f.plan().images().get(0).id();
        for (String m : f.plan().methods()) {
            Files.createDirectories(f.pictureFile(m, made).getParent());
            Files.copy(f.plan().imageFile(study, made), f.pictureFile(m, made));
        }
        CliTest.Result st = run("study", "status", "--study", study.toString(), "--json");
        assertEquals(0, st.code(), st.err());
        JsonNode doc = new ObjectMapper().readTree(st.out());
        assertEquals(4, doc.get("items").asInt());
        assertEquals(2, doc.get("unavailableItems").asInt());
        assertEquals("anna", doc.get("raters").get(0).get("rater").asText(), "invited raters are listed before they rate");
        assertEquals(2 * 8, doc.get("raters").get(0).get("total").asInt());
        assertEquals(2, doc.get("raters").get(0).get("unavailable").asInt());
        CliTest.Result text = run("study", "status", "--study", study.toString());
        assertTrue(text.out().contains("1 rater, 4 items, 2 unavailable"), text.out());
    }

    @Test
    void aMissingStudyIsAUserError() {
        CliTest.Result r = run("study", "summary", "--study", tmp.resolve("nope").toString());
        assertEquals(2, r.code());
        assertTrue(r.err().startsWith("error: ") && r.err().contains("nope"), r.err());
    }
}
