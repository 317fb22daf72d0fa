package defectlens.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import defectlens.app.TinySemBundle;
import defectlens.dataset.SampleDatasets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code review create / classify / status} on a generated SEM set and on the shipped wafer sample. */
class ReviewCommandTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    @Test
    void aSemReviewIsCreatedClassifiedAndReported(@TempDir Path tmp) throws Exception {
        Path data = SampleDatasets.carinthiaS(tmp.resolve("cs"), 2, false);
        Path model = TinySemBundle.save(tmp.resolve("model"));
        Path review = tmp.resolve("review");
        CliTest.Result c = CliTest.run("review", "create", "--data", data.toString(), "--model", model.toString(),
                "--out", review.toString(), "--json");
        assertEquals(0, c.code(), c.err());
        JsonNode created = JSON.readTree(c.out());
        int items = created.get("items").asInt();
        assertEquals(12, items);
        assertTrue(Files.isRegularFile(review.resolve("review.json")));

        CliTest.Result k = CliTest.run("review", "classify", review.toString(), "--json");
        assertEquals(0, k.code(), k.err());
        assertEquals(items, JSON.readTree(k.out()).get("classified_now").asInt());
        CliTest.Result again = CliTest.run("review", "classify", review.toString(), "--json");
        assertEquals(0, JSON.readTree(again.out()).get("classified_now").asInt(), "nothing left to classify");

        CliTest.Result s = CliTest.run("review", "status", review.toString(), "--json");
        assertEquals(0, s.code(), s.err());
        JsonNode status = JSON.readTree(s.out());
        assertEquals(items, status.get("classified").asInt());
        assertEquals("least-certain", status.get("queue").get("order").asText());
        assertEquals(items, status.get("metrics").get("images").asInt());

        CliTest.Result twice = CliTest.run("review", "create", "--data", data.toString(), "--model", model.toString(),
                "--out", review.toString());
        assertEquals(2, twice.code());
        assertTrue(twice.err().startsWith("error: ") && twice.err().contains("not empty"), twice.err());
    }

    @Test
    void aWaferReviewKeepsTheRowsOfTheFile(@TempDir Path tmp) throws Exception {
        Path review = tmp.resolve("wafer-review");
        CliTest.Result c = CliTest.run("review", "create", "--data", "datasets/wm811k/LSWMD_sample.pkl", "--model",
                "models/wafer-proposed-paper7", "--out", review.toString(), "--order", "audit", "--audit-size", "5",
                "--min-confidence", "0.95", "--classify", "--average-symmetries", "false", "--json");
        assertEquals(0, c.code(), c.err());
        JsonNode doc = JSON.readTree(c.out());
        assertEquals("wafer", doc.get("kind").asText());
        assertEquals(200, doc.get("classified").asInt());
        JsonNode status = JSON.readTree(CliTest.run("review", "status", review.toString(), "--json").out());
        assertEquals(5, status.get("queue").get("items").asInt());
        assertEquals(false, status.get("average_over_symmetries").asBoolean(true), "recorded at create");
        CliTest.Result mixed = CliTest.run("review", "classify", review.toString(), "--average-symmetries", "true");
        assertEquals(2, mixed.code(), mixed.err());
        assertTrue(mixed.err().startsWith("error: ") && mixed.err().contains("would mix"), mixed.err());
        assertTrue(status.get("metrics").get("accuracy").asDouble() > 0.7, status.toString());
    }

    @Test
    void aFolderThatIsNoReviewIsOneClearError(@TempDir Path tmp) throws Exception {
        CliTest.Result r = CliTest.run("review", "status", tmp.toString());
        assertEquals(2, r.code());
        assertTrue(r.err().startsWith("error: ") && r.err().contains("review.json"), r.err());
        Files.writeString(tmp.resolve("review.json"), "{\"format\":1,\"kind\":\"photo\"}");
        CliTest.Result k = CliTest.run("review", "status", tmp.toString());
        assertEquals(2, k.code());
        assertTrue(k.err().contains("review.json"), k.err());
        assertEquals(1, k.err().strip().lines().count(), k.err());
    }
}
