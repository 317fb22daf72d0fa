package defectlens.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code wafer train --variant bseml} on the 200-map sample (8 classes, 160 training maps), then the bundle in
 * {@code wafer evaluate}, {@code wafer classify} and the review desk like a CNN bundle; case 2 with CAE-augmented
 * training maps; an unknown case, the CAE options where they do not apply and the CNN-only options are refused with
 * one error line.
 */
class WaferBsemlBundleCommandTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String SAMPLE = "datasets/wm811k/LSWMD_sample.pkl";

    @TempDir
    static Path tmp;
    private static Path bundle;
    private static JsonNode trained;

    @BeforeAll
    static void train() throws Exception {
        bundle = tmp.resolve("bseml-all8");
        CliTest.Result r = CliTest.run("wafer", "train", "--variant", "bseml", "--case", "1", "--classes", "all8",
                "--data", SAMPLE, "--out", bundle.toString(), "--seed", "3", "--json");
        assertEquals(0, r.code(), r.err());
        trained = JSON.readTree(r.out());
    }

    @Test
    void trainsABundleThatEvaluateAndClassifyTake() throws Exception {
        assertEquals("bseml", trained.get("variant").asText());
        assertEquals(200, trained.get("train").asInt() + trained.get("test").asInt());
        assertTrue(Files.isRegularFile(bundle.resolve("meta.ubj.gz")));
        CliTest.Result e = CliTest.run("wafer", "evaluate", "--model", bundle.toString(), "--data", SAMPLE,
                "--heldout", "--json");
        assertEquals(0, e.code(), e.err());
        JsonNode heldOut = JSON.readTree(e.out());
        assertEquals(trained.get("test").asInt(), heldOut.get("n").asInt(), "the maps the training held out");
        assertEquals(trained.get("test_accuracy").asDouble(), heldOut.get("microF1").asDouble(), 1e-9);
        Path csv = tmp.resolve("p.csv");
        CliTest.Result c = CliTest.run("wafer", "classify", "--model", bundle.toString(), "--data", SAMPLE, "--out",
                csv.toString());
        assertEquals(0, c.code(), c.err());
        List<String> lines = Files.readAllLines(csv);
        assertEquals(201, lines.size());
        assertTrue(lines.get(0).contains("Near-full") && !lines.get(0).contains("none"), lines.get(0));
    }

    @Test
    void theReviewDeskClassifiesWithTheBundleAsWaferEvaluateDoes() throws Exception {
        Path review = tmp.resolve("review");
        CliTest.Result c = CliTest.run("review", "create", "--data", SAMPLE, "--model", bundle.toString(), "--out",
                review.toString(), "--json");
        assertEquals(0, c.code(), c.err());
        assertEquals("wafer", JSON.readTree(c.out()).get("kind").asText());
        CliTest.Result k = CliTest.run("review", "classify", review.toString(), "--json");
        assertEquals(0, k.code(), k.err());
        assertEquals(200, JSON.readTree(k.out()).get("classified_now").asInt());
        JsonNode status = JSON.readTree(CliTest.run("review", "status", review.toString(), "--json").out());
        JsonNode all = JSON.readTree(CliTest.run("wafer", "evaluate", "--model", bundle.toString(), "--data", SAMPLE,
                "--json").out());
        assertEquals(all.get("microF1").asDouble(), status.get("metrics").get("accuracy").asDouble(), 1e-9,
                "the review's predictions are those of wafer evaluate");
        CliTest.Result averaged = CliTest.run("review", "classify", review.toString(), "--average-symmetries");
        assertEquals(2, averaged.code());
        assertTrue(averaged.err().startsWith("error: " + bundle) && averaged.err().contains("CNN"), averaged.err());
    }

    @Test
    void trainsCaseTwoWithAugmentedTrainingMapsAndTheSameHeldOutMaps() throws Exception {
        Path case2 = tmp.resolve("bseml-case2");
        Path cae = tmp.resolve("cae");
        CliTest.Result r = CliTest.run("wafer", "train", "--variant", "bseml", "--case", "2", "--classes", "all8",
                "--data", SAMPLE, "--out", case2.toString(), "--seed", "3", "--cae", cae.toString(), "--cae-epochs",
                "1", "--json");
        assertEquals(0, r.code(), r.err());
        JsonNode two = JSON.readTree(r.out());
        assertEquals(2, two.get("case").asInt());
        assertEquals(trained.get("test").asInt(), two.get("test").asInt(), "the held-out maps are never augmented");
        assertEquals(trained.get("train").asInt() + two.get("augmented_kept").asInt(), two.get("train").asInt());
        assertTrue(Files.isRegularFile(cae.resolve("cae.json")), "the trained auto-encoder is kept in --cae");
        JsonNode provenance = JSON.readTree(case2.resolve("model.json").toFile()).get("provenance").get("training");
        assertEquals(2, provenance.get("case").asInt());
        assertEquals(0.3, provenance.get("augmentation").get("ratio").asDouble(), 0);
    }

    @Test
    void refusesUnknownCasesCaeOptionsWhereTheyDoNotApplyAndCnnOptionsWithOneErrorLine() {
        Path out = tmp.resolve("never");
        for (String[] args : List.of(
                new String[] {"--variant", "bseml", "--case", "5"},
                new String[] {"--variant", "bseml", "--case", "1", "--cae-epochs", "3"},
                new String[] {"--variant", "proposed", "--cae", "x", "--train-per-class", "10"},
                new String[] {"--variant", "bseml", "--train-per-class", "10"},
                new String[] {"--variant", "proposed"},
                new String[] {"--variant", "proposed", "--case", "1", "--train-per-class", "10"})) {
            String[] full = new String[args.length + 6];
            System.arraycopy(new String[] {"wafer", "train", "--data", SAMPLE, "--out", out.toString()}, 0, full, 0,
                    6);
            System.arraycopy(args, 0, full, 6, args.length);
            CliTest.Result r = CliTest.run(full);
            assertEquals(2, r.code(), String.join(" ", args));
            assertEquals(1, r.err().strip().lines().count(), r.err());
            assertTrue(r.err().startsWith("error: "), r.err());
        }
        CliTest.Result unknown = CliTest.run("wafer", "train", "--variant", "bseml", "--case", "0", "--data", SAMPLE,
                "--out", out.toString());
        assertTrue(unknown.err().contains("--case must be 1, 2, 3 or 4"), unknown.err());
        assertTrue(Files.notExists(out));
    }
}
