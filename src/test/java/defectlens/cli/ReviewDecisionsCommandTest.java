package defectlens.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import defectlens.app.TinySemBundle;
import defectlens.dataset.SampleDatasets;
import defectlens.review.DecisionJournal;
import defectlens.review.DecisionMaker;
import defectlens.review.PredictionTable;
import defectlens.review.ReviewDecision;
import defectlens.review.ReviewFolder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code review decide / merge / export} through the CLI: a bulk accept on a classified SEM review, a journal merged
 * from elsewhere, the corrected set exported and read back by {@code dataset info}; on the wafer sample the loop
 * {@code review export --format wafer-labels} then {@code wafer train --labels}.
 */
class ReviewDecisionsCommandTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path tmp;

    private static JsonNode ok(String... args) throws Exception {
        CliTest.Result r = CliTest.run(args);
        assertEquals(0, r.code(), r.err());
        return args[args.length - 1].equals("--json") ? JSON.readTree(r.out()) : null;
    }

    @Test
    void bulkAcceptMergeAndExportRoundTripThroughDatasetInfo() throws Exception {
        Path data = SampleDatasets.carinthiaS(tmp.resolve("cs"), 2, false);
        Path model = TinySemBundle.save(tmp.resolve("model"));
        Path review = tmp.resolve("review");
        ok("review", "create", "--data", data.toString(), "--model", model.toString(), "--out", review.toString(),
                "--classify", "--json");
        ReviewFolder folder = ReviewFolder.open(review);
        PredictionTable table = folder.predictions().orElseThrow();
        String predicted = table.predictedName(0);
        int ofClass = 0;
        for (int i = 0; i < table.size(); i++) {
            ofClass += predicted.equals(table.predictedName(i)) ? 1 : 0;
        }

        JsonNode decided = ok("review", "decide", review.toString(), "--reviewer", "ann", "--accept-class", predicted,
                "--min-confidence", "0", "--json");
        assertEquals(ofClass, decided.get("accepted").asInt());
        assertEquals("bulk: accept " + predicted + " at p >= 0", decided.get("source").asText());
        JsonNode again = ok("review", "decide", review.toString(), "--reviewer", "ann", "--accept-class", predicted,
                "--min-confidence", "0", "--json");
        assertEquals(0, again.get("accepted").asInt());
        assertEquals(ofClass, again.get("already_decided").asInt());

        // bob, on another machine, relabels item 0 to no_defect; his journal also holds a line of another review
        DecisionMaker bob = new DecisionMaker(folder.definition(), table, "bob", Clock.systemUTC());
        ReviewDecision relabel = bob.relabel(0, "no_defect", "keyboard");
        ReviewDecision foreign = bob.relabel(1, "no_defect", "keyboard");
        Path usb = tmp.resolve("usb/bob.jsonl");
        try (DecisionJournal j = DecisionJournal.open(usb)) {
            j.append(relabel);
            j.append(new ReviewDecision(foreign.id(), "another-review", foreign.item(), foreign.index(), "bob",
                    foreign.time(), foreign.action(), null, null, null, "no_defect", null, null, "keyboard", "m"));
        }
        CliTest.Result merged = CliTest.run("review", "merge", review.toString(), usb.toString());
        assertEquals(0, merged.code(), merged.err());
        assertTrue(merged.out().contains("added 1, duplicates 0, refused 1, conflicts "), merged.out());
        assertTrue(merged.err().contains("warning: " + usb + ": 1 line(s) refused: 1 decision of another review"),
                merged.err());
        if (!"no_defect".equals(predicted)) {
            assertTrue(merged.out().contains("conflict on item img_0000 (0): {ann=" + predicted + ", bob=no_defect}"),
                    merged.out());
        }

        Path out = tmp.resolve("corrected");
        JsonNode exported = ok("review", "export", review.toString(), "--format", "carinthia", "--out",
                out.toString(), "--json");
        assertEquals("carinthia-s", exported.get("layout").asText());
        JsonNode info = ok("dataset", "info", out.toString(), "--json");
        Map<String, Integer> expected = new LinkedHashMap<>();
        for (String c : TinySemBundle.CLASSES) {
            expected.put(c, 0);
        }
        for (int i = 0; i < table.size(); i++) {
            String after = i == 0 ? "no_defect" : predicted.equals(table.predictedName(i)) ? predicted
                    : table.labelName(i);
            expected.merge(after, 1, Integer::sum);
        }
        Map<String, Integer> counts = new LinkedHashMap<>();
        info.get("classes").fields().forEachRemaining(e -> counts.put(e.getKey(), e.getValue().asInt()));
        assertEquals(expected, counts, "bob's later relabel of item 0 wins over ann's accept");
        assertEquals(12, info.get("masks").asInt());

        CliTest.Result refused = CliTest.run("review", "export", review.toString(), "--format", "carinthia", "--out",
                out.toString());
        assertEquals(2, refused.code());
        assertTrue(refused.err().startsWith("error: " + out + ": is not empty; an export never overwrites"),
                refused.err());

        JsonNode csv = ok("review", "export", review.toString(), "--format", "csv", "--out",
                tmp.resolve("decisions.csv").toString(), "--reviewer", "bob", "--json");
        assertEquals(1, csv.get("rows").asInt());
        List<String> lines = Files.readAllLines(tmp.resolve("decisions.csv"));
        assertEquals("item,index,label_before,decision,class_after,reviewer,time,model,top1,p1,top2,p2,top3,p3,note,"
                + "source", lines.get(0));
        assertTrue(lines.get(1).startsWith("img_0000,0,single_bridge,relabel,no_defect,bob,"), lines.get(1));

        CliTest.Result wafer = CliTest.run("review", "export", review.toString(), "--format", "wafer-labels", "--out",
                tmp.resolve("w.csv").toString());
        assertEquals(2, wafer.code());
        assertTrue(wafer.err().contains("wafer reviews"), wafer.err());
    }

    @Test
    void waferDecisionsFeedTheNextTraining() throws Exception {
        String sample = "datasets/wm811k/LSWMD_sample.pkl";
        Path review = tmp.resolve("wafer-review");
        ok("review", "create", "--data", sample, "--model", "models/wafer-proposed-paper7", "--out",
                review.toString(), "--classify", "--average-symmetries", "false", "--json");
        ReviewFolder folder = ReviewFolder.open(review);
        PredictionTable table = folder.predictions().orElseThrow();
        int row = -1;
        for (int i = 0; i < table.size() && row < 0; i++) {
            row = "Center".equals(table.labelName(i)) ? i : -1;
        }
        try (DecisionJournal j = DecisionJournal.open(folder.journalFile("ann"))) {
            j.append(new DecisionMaker(folder.definition(), table, "ann", Clock.systemUTC())
                    .relabel(row, "Scratch", "keyboard"));
        }
        JsonNode decided = ok("review", "decide", review.toString(), "--reviewer", "ann", "--accept-class",
                "Edge-Ring", "--min-confidence", "0.9", "--json");
        Path labels = tmp.resolve("labels.csv");
        JsonNode exported = ok("review", "export", review.toString(), "--format", "wafer-labels", "--out",
                labels.toString(), "--json");
        assertEquals(1 + decided.get("accepted").asInt(), exported.get("rows").asInt());
        List<String> lines = Files.readAllLines(labels);
        assertEquals("index,label_before,class_after,reviewer,decision", lines.get(0));
        assertTrue(lines.contains(row + ",Center,Scratch,ann,relabel"), lines.toString());

        CliTest.Result trained = CliTest.run("wafer", "train", "--data", sample, "--labels", labels.toString(),
                "--variant", "baseline", "--train-per-class", "4", "--max-epochs", "1", "--batch", "16", "--out",
                tmp.resolve("next-model").toString(), "--json");
        assertEquals(0, trained.code(), trained.err());
        JsonNode summary = JSON.readTree(trained.out());
        assertEquals(exported.get("rows").asInt(), summary.get("labels_set").asInt());
        assertTrue(summary.get("labels_changed").asInt() >= 1, summary.toString());
    }
}
