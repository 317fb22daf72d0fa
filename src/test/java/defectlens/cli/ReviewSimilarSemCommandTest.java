package defectlens.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code review similar} on images of the shipped SEM demo set with the shipped SEM demo model. */
class ReviewSimilarSemCommandTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    @Test
    void listsTheImagesMostLikeOneImageByIdOrFileName(@TempDir Path tmp) throws Exception {
        String before = System.getProperty("defectlens.cache");
        System.setProperty("defectlens.cache", tmp.toString());
        try {
            Path data = smallSet(tmp.resolve("data"));
            CliTest.Result byId = CliTest.run("review", "similar", "--model", "models/sem-demo", "--data",
                    data.toString(), "--item", "sem_000007", "--k", "4", "--json");
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
                    data.resolve("carinthia.csv").toString(), "--item", "sem_000007.jpg", "--k", "4", "--json");
            assertEquals(0, byFile.code(), byFile.err());
            assertEquals(doc.get("similar"), JSON.readTree(byFile.out()).get("similar"), "the same, from the cache");

            CliTest.Result unknown = CliTest.run("review", "similar", "--model", "models/sem-demo", "--data",
                    data.toString(), "--item", "nope");
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

    /** The first 12 images of the demo set as a Carinthia data set of its own (quick to embed). */
    private static Path smallSet(Path dir) throws java.io.IOException {
        Path demo = Path.of("datasets/sem-demo/data");
        Files.createDirectories(dir.resolve("images"));
        java.util.List<String> lines = Files.readAllLines(demo.resolve("carinthia.csv"));
        Files.write(dir.resolve("carinthia.csv"), lines.subList(0, 13));
        for (String line : lines.subList(1, 13)) {
            String image = line.split(";")[0];
            Files.copy(demo.resolve(image), dir.resolve(image));
        }
        return dir;
    }
}
