package defectlens.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code review novelty} for a SEM model: a fit on the demo data set kept in (a copy of) the bundle, images of
 * another source counted as novel, the scores of every image with the kept fit, and a SEM review ordered by them.
 */
class SemNoveltyCommandTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    @Test
    void fitScoreAndReviewSemImagesByNovelty(@TempDir Path tmp) throws Exception {
        String before = System.getProperty("defectlens.cache");
        System.setProperty("defectlens.cache", tmp.resolve("cache").toString());
        try {
            Path model = tmp.resolve("sem-demo");
            copy(Path.of("models/sem-demo"), model);
            deleteTree(model.resolve("novelty"));
            Path other = tmp.resolve("other");
            assertEquals(0, CliTest.run("sem", "generate", "--out", other.toString(), "--per-class", "1", "--size",
                    "192", "--seed", "99").code());
            CliTest.Result none = CliTest.run("review", "novelty", "--model", model.toString(), "--data",
                    "datasets/sem-demo/data");
            assertEquals(2, none.code());
            assertTrue(none.err().startsWith("error: ") && none.err().contains("--fit"), none.err());

            CliTest.Result fit = CliTest.run("review", "novelty", "--fit", "--model", model.toString(), "--data",
                    "datasets/sem-demo/data", "--novel-data", other.resolve("data").toString(), "--json");
            assertEquals(0, fit.code(), fit.err());
            JsonNode f = JSON.readTree(fit.out());
            assertEquals("images", f.get("unit").asText());
            assertEquals(6, f.get("novel_images").asInt(), "the 6 images of --novel-data");
            assertEquals(12, f.get("known_images").asInt(), "2 held-out images of each of the 6 classes");
            assertEquals(256, f.get("dimension").asInt());
            assertTrue(f.get("auroc").get("knn").isNumber(), f.toString());
            assertTrue(Files.isRegularFile(model.resolve("novelty/novelty.json")));

            CliTest.Result scored = CliTest.run("review", "novelty", "--model", model.toString(), "--data",
                    "datasets/sem-demo/data", "--json", "--list");
            assertEquals(0, scored.code(), scored.err());
            JsonNode s = JSON.readTree(scored.out());
            assertEquals(48, s.get("images").asInt());
            assertEquals(48, s.get("items").size());
            assertTrue(s.get("auroc").get("energy").isNull(), "no novel image in the data set: no AUROC");

            Path review = tmp.resolve("review");
            CliTest.Result created = CliTest.run("review", "create", "--data", "datasets/sem-demo/data", "--model",
                    model.toString(), "--out", review.toString(), "--order", "novelty", "--classify", "--json");
            assertEquals(0, created.code(), created.err());
            assertTrue(Files.isRegularFile(review.resolve("novelty/scores.npy")), created.err());
            float[] scores = defectlens.image.NpyFile.read(review.resolve("novelty/scores.npy")).data();
            assertEquals(48, scores.length);
            for (float v : scores) {
                assertTrue(Float.isFinite(v), "every image scored");
            }
        } finally {
            if (before == null) {
                System.clearProperty("defectlens.cache");
            } else {
                System.setProperty("defectlens.cache", before);
            }
        }
    }

    private static void copy(Path from, Path to) throws java.io.IOException {
        try (Stream<Path> s = Files.walk(from)) {
            for (Path p : (Iterable<Path>) s::iterator) {
                Path t = to.resolve(from.relativize(p).toString());
                if (Files.isDirectory(p)) {
                    Files.createDirectories(t);
                } else {
                    Files.copy(p, t);
                }
            }
        }
    }

    private static void deleteTree(Path dir) throws java.io.IOException {
        try (Stream<Path> s = Files.walk(dir)) {
            for (Path p : (Iterable<Path>) s.sorted(java.util.Comparator.reverseOrder())::iterator) {
                Files.delete(p);
            }
        }
    }
}
