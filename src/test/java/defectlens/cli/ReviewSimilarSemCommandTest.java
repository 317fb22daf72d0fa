package defectlens.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code review similar} on the shipped SEM demo set with the shipped SEM demo model. */
class ReviewSimilarSemCommandTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    @Test
    void listsTheImagesMostLikeOneImageByIdOrFileName(@TempDir Path tmp) throws Exception {
        String before = System.getProperty("defectlens.cache");
        System.setProperty("defectlens.cache", tmp.toString());
        try {
            CliTest.Result byId = CliTest.run("review", "similar", "--model", "models/sem-demo", "--data",
                    "datasets/sem-demo", "--item", "sem_000007", "--k", "4", "--json");
            assertEquals(0, byId.code(), byId.err());
            JsonNode doc = JSON.readTree(byId.out());
            assertEquals("sem_000007", doc.get("item").asText());
            assertEquals(4, doc.get("similar").size());
            double last = 1.0001;
            for (JsonNode n : doc.get("similar")) {
                assertTrue(!n.get("item").asText().equals("sem_000007"), "the image itself is not listed");
                assertTrue(n.get("similarity").asDouble() <= last, doc.toString());
                assertTrue(n.get("file").asText().endsWith(".jpg"), doc.toString());
                last = n.get("similarity").asDouble();
            }
            assertEquals(1, Files.list(tmp.resolve("defectlens/embeddings")).count(), "embeddings cached");

            CliTest.Result byFile = CliTest.run("review", "similar", "--model", "models/sem-demo", "--data",
                    "datasets/sem-demo", "--item", "sem_000007.jpg", "--k", "4", "--json");
            assertEquals(0, byFile.code(), byFile.err());
            assertEquals(doc.get("similar"), JSON.readTree(byFile.out()).get("similar"), "the same, from the cache");

            CliTest.Result unknown = CliTest.run("review", "similar", "--model", "models/sem-demo", "--data",
                    "datasets/sem-demo", "--item", "nope");
            assertEquals(2, unknown.code());
            assertTrue(unknown.err().lines().anyMatch(l -> l.startsWith("error: ") && l.contains("--item nope")),
                    unknown.err());
        } finally {
            if (before == null) {
                System.clearProperty("defectlens.cache");
            } else {
                System.setProperty("defectlens.cache", before);
            }
        }
    }
}
