package defectlens.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import defectlens.image.NpyFile;
import defectlens.review.ReviewFolder;
import defectlens.review.novelty.ReviewNovelty;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A review ordered "most novel first": scores made with the predictions, kept, checked and invalidated. */
class ReviewNoveltyQueueTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    @Test
    void aWaferReviewKeepsTheNoveltyOfItsMapsAndOrdersByIt(@TempDir Path tmp) throws Exception {
        Path review = tmp.resolve("novel");
        CliTest.Result c = CliTest.run("review", "create", "--data", "datasets/wm811k/LSWMD_sample.pkl", "--model",
                "models/wafer-proposed-paper7", "--out", review.toString(), "--order", "novelty", "--classify",
                "--json");
        assertEquals(0, c.code(), c.err());
        JsonNode doc = JSON.readTree(c.out());
        assertEquals("novelty", doc.get("order").asText());
        assertEquals(200, doc.get("novelty").get("scored").asInt());
        assertEquals("energy", doc.get("novelty").get("score").asText());

        ReviewFolder f = ReviewFolder.open(review);
        ReviewNovelty n = ReviewNovelty.load(f).orElseThrow();
        assertEquals(200, n.scoredCount());
        JsonNode status = JSON.readTree(CliTest.run("review", "status", review.toString(), "--json").out());
        assertEquals(200, status.get("queue").get("items").asInt(), "every scored map is in the queue");
        assertEquals(n.flaggedCount(), status.get("novelty").get("flagged").asInt());
        assertTrue(n.flaggedCount() > 0 && n.flaggedCount() < 200, "some maps above the held-out threshold");

        // a damaged scores file is not used, and classify scores the maps again
        Path scores = review.resolve("novelty/scores.npy");
        float[] bad = new float[200];
        Files.write(scores, NpyFile.encode(bad, 200));
        assertFalse(ReviewNovelty.load(f).isPresent(), "checksum no longer matches");
        CliTest.Result again = CliTest.run("review", "classify", review.toString(), "--json");
        assertEquals(0, again.code(), again.err());
        assertEquals(200, JSON.readTree(again.out()).get("novelty").get("scored").asInt());
        assertEquals(n.flaggedCount(), ReviewNovelty.load(f).orElseThrow().flaggedCount(), "the same scores");
    }

    @Test
    void aModelWithoutNoveltyFitCannotOrderByNovelty(@TempDir Path tmp) throws Exception {
        CliTest.Result c = CliTest.run("review", "create", "--data", "datasets/wm811k/LSWMD_sample.pkl", "--model",
                "models/wafer-baseline-paper7", "--out", tmp.resolve("r").toString(), "--order", "novelty");
        assertEquals(2, c.code(), c.err());
        assertEquals(1, c.err().lines().filter(l -> l.startsWith("error: ")).count(), c.err());
        assertTrue(c.err().lines().anyMatch(l -> l.startsWith("error: ") && l.contains("wafer-baseline-paper7")
                && l.contains("has none") && l.contains("review novelty --fit")), c.err());
        assertFalse(Files.exists(tmp.resolve("r")), "no review made");
    }
}
