package defectlens.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code wafer train} then {@code wafer evaluate} on the 200-wafer sample: a one-epoch model, shapes not accuracy. */
class WaferTrainEvaluateCommandTest {
    static final String SAMPLE = "datasets/wm811k/LSWMD_sample.pkl";
    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    static Path tmp;
    static Path model;
    static JsonNode trained;

    @BeforeAll
    static void trainTinyModel() throws Exception {
        model = tmp.resolve("tiny");
        CliTest.Result r = CliTest.run("wafer", "train", "--data", SAMPLE, "--variant", "proposed", "--classes", "paper7",
                "--train-per-class", "8", "--seed", "2", "--max-epochs", "1", "--batch", "16", "--out", model.toString(), "--json");
        assertEquals(0, r.code(), r.err());
        assertTrue(r.err().contains("epoch   1"), r.err());
        assertTrue(r.err().contains("shortfall"), r.err());
        trained = JSON.readTree(r.out());
    }

    @Test
    void trainWritesABundleWithProvenanceOfDataSplitShortfallAndHeldOutMetrics() throws Exception {
        assertEquals(1, trained.get("epochs").asInt());
        assertEquals(40, trained.get("test").asInt()); // round(0.2 x class) summed over the 7 classes
        JsonNode meta = JSON.readTree(Files.readString(model.resolve("model.json")));
        JsonNode p = meta.get("provenance");
        assertEquals("paper7", p.get("classSet").asText());
        assertEquals(64, p.get("data").get("sha256").asText().length());
        assertEquals(0.2, p.get("split").get("testFraction").asDouble());
        assertEquals(2, p.get("split").get("seed").asInt());
        assertTrue(p.get("split").get("shortfall").has("Donut"), p.toString());
        assertEquals(1, p.get("training").get("epochs").asInt());
        assertEquals(40, p.get("heldOutTest").get("n").asInt());
        assertEquals(280, p.get("heldOutTest").get("rotflipN").asInt());
        assertTrue(Files.size(model.resolve("model.params")) < 8_000_000);
    }

    @Test
    void evaluatePrintsTheIssueJsonOnTheHeldOutMaps() throws Exception {
        CliTest.Result r = CliTest.run("wafer", "evaluate", "--model", model.toString(), "--data", SAMPLE, "--heldout", "--json");
        assertEquals(0, r.code(), r.err());
        JsonNode j = JSON.readTree(r.out());
        List<String> keys = new ArrayList<>();
        j.fieldNames().forEachRemaining(keys::add);
        assertEquals(List.of("n", "accuracy", "macro_f1", "per_class", "confusion", "skipped", "average_over_symmetries"), keys);
        assertEquals(false, j.get("average_over_symmetries").asBoolean(), "a freshly trained bundle runs single passes");
        assertEquals(40, j.get("n").asInt());
        assertEquals(0, j.get("skipped").asInt());
        assertEquals(trained.get("test_accuracy").asDouble(), j.get("accuracy").asDouble(), 1e-9);
        JsonNode centre = j.get("per_class").get("Center");
        for (String k : List.of("precision", "recall", "f1", "support")) {
            assertTrue(centre.has(k), k);
        }
        assertEquals(8, centre.get("support").asInt());

        // --average-symmetries alone switches averaging on for this run; "false" forces a single pass
        JsonNode averaged = JSON.readTree(CliTest.run("wafer", "evaluate", "--model", model.toString(), "--data", SAMPLE,
                "--heldout", "--average-symmetries", "--json").out());
        assertEquals(true, averaged.get("average_over_symmetries").asBoolean());
        JsonNode single = JSON.readTree(CliTest.run("wafer", "evaluate", "--model", model.toString(), "--data", SAMPLE,
                "--heldout", "--average-symmetries", "false", "--json").out());
        assertEquals(false, single.get("average_over_symmetries").asBoolean());
        assertEquals(j.get("accuracy").asDouble(), single.get("accuracy").asDouble(), 1e-12);
        assertEquals(7, j.get("confusion").get("labels").size());
        long sum = 0;
        for (JsonNode row : j.get("confusion").get("matrix")) {
            assertEquals(7, row.size());
            for (JsonNode v : row) {
                sum += v.asLong();
            }
        }
        assertEquals(40, sum);
    }

    @Test
    void evaluateSkipsMapsOutsideTheModelsClassesAndCountsAugmentedCopies() throws Exception {
        // the sample holds 200 labelled maps, one of them Near-full, which a paper7 model does not know
        CliTest.Result r = CliTest.run("wafer", "evaluate", "--model", model.toString(), "--data", SAMPLE, "--json");
        assertEquals(0, r.code(), r.err());
        JsonNode j = JSON.readTree(r.out());
        assertEquals(1, j.get("skipped").asInt());
        assertEquals(199, j.get("n").asInt());
        CliTest.Result rot = CliTest.run("wafer", "evaluate", "--model", model.toString(), "--data", SAMPLE,
                "--heldout", "--augment", "rot", "--json");
        assertEquals(0, rot.code(), rot.err());
        assertEquals(40 * 3, JSON.readTree(rot.out()).get("n").asInt());
    }

    @Test
    void heldOutOnAnotherFileIsRefused() {
        Path other = Path.of("src", "test", "resources", "wafer", "LSWMD_sample_extra_column.pkl");
        CliTest.Result r = CliTest.run("wafer", "evaluate", "--model", model.toString(), "--data", other.toString(), "--heldout");
        assertEquals(2, r.code(), r.out());
        assertTrue(r.err().contains("SHA-256"), r.err());
        CliTest.Result bad = CliTest.run("wafer", "evaluate", "--model", model.toString(), "--data", SAMPLE, "--augment", "shear");
        assertEquals(2, bad.code());
    }

    @Test
    void classifyWritesOneCsvRowPerHeldOutMapThatAgreesWithEvaluate() throws Exception {
        Path csv = tmp.resolve("predictions.csv");
        CliTest.Result r = CliTest.run("wafer", "classify", "--model", model.toString(), "--data", SAMPLE, "--heldout",
                "--out", csv.toString(), "--json");
        assertEquals(0, r.code(), r.err());
        JsonNode summary = JSON.readTree(r.out());
        assertEquals(40, summary.get("maps").asInt());
        assertEquals(40, summary.get("classified").asInt());
        assertEquals(false, summary.get("cancelled").asBoolean());
        assertEquals(40, summary.get("labelled_in_model_classes").asInt());
        assertEquals(trained.get("test_accuracy").asDouble(), summary.get("accuracy").asDouble(), 1e-9);
        List<String> lines = Files.readAllLines(csv);
        assertEquals(41, lines.size());
        assertEquals("row,lot,wafer_index,split,label,predicted,confidence,p_Center,p_Donut,p_Edge-Loc,p_Edge-Ring,"
                + "p_Loc,p_Random,p_Scratch", lines.get(0));
        int correct = 0;
        for (String line : lines.subList(1, lines.size())) {
            String[] f = line.split(",", -1);
            assertEquals(14, f.length, line);
            double sum = 0;
            double best = -1;
            String bestClass = null;
            String[] names = lines.get(0).split(",");
            for (int c = 7; c < 14; c++) {
                double p = Double.parseDouble(f[c]);
                sum += p;
                if (p > best) {
                    best = p;
                    bestClass = names[c].substring(2);
                }
            }
            assertEquals(1.0, sum, 1e-4, line);
            assertEquals(bestClass, f[5], "predicted is the most probable class: " + line);
            assertEquals(best, Double.parseDouble(f[6]), 1e-9);
            if (f[4].equals(f[5])) {
                correct++;
            }
        }
        assertEquals(summary.get("correct").asInt(), correct);
    }

    @Test
    void classifyWithoutOutPrintsCsvOnStdoutOrTheTopClassesAsJson() throws Exception {
        CliTest.Result r = CliTest.run("wafer", "classify", "--model", model.toString(), "--data", SAMPLE);
        assertEquals(0, r.code(), r.err());
        assertEquals(201, r.out().strip().split("\\R").length, "a header and the 200 maps of the sample");
        assertTrue(r.err().contains("classified 200 of 200 maps"), r.err());
        assertTrue(r.err().contains("wafer classify: 100.0 %") && r.err().contains("200/200 maps"), r.err());

        CliTest.Result j = CliTest.run("wafer", "classify", "--model", model.toString(), "--data", SAMPLE, "--json",
                "--top", "2", "--average-symmetries");
        assertEquals(0, j.code(), j.err());
        JsonNode doc = JSON.readTree(j.out());
        assertEquals(true, doc.get("average_over_symmetries").asBoolean());
        assertEquals(200, doc.get("predictions").size());
        assertEquals(1, doc.get("labelled_other_classes").asInt(), "the sample's Near-full map");
        JsonNode top = doc.get("predictions").get(0).get("top");
        assertEquals(2, top.size());
        assertTrue(top.get(0).get("probability").asDouble() >= top.get(1).get("probability").asDouble());

        assertEquals(2, CliTest.run("wafer", "classify", "--model", model.toString(), "--data", SAMPLE, "--top", "0").code());
        CliTest.Result missing = CliTest.run("wafer", "classify", "--model", tmp.resolve("nothing").toString(), "--data", SAMPLE);
        assertEquals(2, missing.code());
        assertTrue(missing.err().contains("model.json"), missing.err());
    }

    @Test
    void ensembleJoinsBundlesKeepsTheHeldOutSplitAndRefusesBadMembers() throws Exception {
        Path ensemble = tmp.resolve("ensemble");
        CliTest.Result r = CliTest.run("wafer", "ensemble", model.toString(), model.toString(), "--data", SAMPLE,
                "--out", ensemble.toString());
        assertEquals(0, r.code(), r.err());
        JsonNode doc = JSON.readTree(r.out());
        // two copies of one network: the ensemble answers as the network does
        assertEquals(trained.get("test_accuracy").asDouble(), doc.get("held_out_test").get("accuracy").asDouble(), 1e-9);
        JsonNode meta = JSON.readTree(Files.readString(ensemble.resolve("model.json")));
        assertEquals(2, meta.get("provenance").get("ensemble").size());
        assertEquals(40, meta.get("provenance").get("heldOutTest").get("n").asInt());
        CliTest.Result evaluated = CliTest.run("wafer", "evaluate", "--model", ensemble.toString(), "--data", SAMPLE,
                "--heldout", "--json");
        assertEquals(0, evaluated.code(), evaluated.err());
        assertEquals(40, JSON.readTree(evaluated.out()).get("n").asInt());

        CliTest.Result half = CliTest.run("wafer", "ensemble", model.toString(), ensemble.toString(), "--half-precision",
                "--out", tmp.resolve("half").toString());
        assertEquals(0, half.code(), half.err());
        assertEquals("[\"member-2.params\",\"member-3.params\"]", JSON.readTree(Files.readString(
                tmp.resolve("half").resolve("model.json"))).get("ensemble").get("weights").toString(),
                "an ensemble member brings all its networks: 1 + 2 = 3");
        assertTrue(Files.size(tmp.resolve("half").resolve("model.params")) < 0.6 * Files.size(model.resolve("model.params")));

        assertEquals(2, CliTest.run("wafer", "ensemble", model.toString(), "--out", tmp.resolve("one").toString()).code());
        CliTest.Result self = CliTest.run("wafer", "ensemble", model.toString(), ensemble.toString(), "--out", ensemble.toString());
        assertEquals(2, self.code());
        assertTrue(self.err().contains("must not be one of the member"), self.err());
    }
}
