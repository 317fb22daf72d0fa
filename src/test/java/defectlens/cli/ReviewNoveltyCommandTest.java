package defectlens.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code review novelty} with the fit shipped in the paper7 bundle, on the shipped wafer sample. */
class ReviewNoveltyCommandTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    @Test
    void theShippedFitScoresTheSampleMapsAndTheCacheIsReused(@TempDir Path tmp) throws Exception {
        String before = System.getProperty("defectlens.cache");
        System.setProperty("defectlens.cache", tmp.toString());
        try {
            String[] args = {"review", "novelty", "--model", "models/wafer-proposed-paper7", "--data",
                "datasets/wm811k/LSWMD_sample.pkl", "--json", "--list"};
            CliTest.Result r = CliTest.run(args);
            assertEquals(0, r.code(), r.err());
            JsonNode doc = JSON.readTree(r.out());
            assertEquals(200, doc.get("maps").asInt());
            assertEquals("energy", doc.get("chosen").asText());
            assertEquals(256, doc.get("dimension").asInt());
            for (String s : new String[] {"mahalanobis", "knn", "energy", "msp"}) {
                assertTrue(doc.get("auroc").has(s), s);
                assertTrue(doc.get("items").get(0).has(s), s);
            }
            assertEquals(doc.get("known_maps").asInt() + doc.get("novel_maps").asInt(), 200);
            JsonNode again = JSON.readTree(CliTest.run(args).out());
            assertEquals(doc.get("items"), again.get("items"), "cached embeddings give the same scores");
            assertTrue(Files.list(tmp.resolve("defectlens/embeddings")).count() == 1);

            CliTest.Result s = CliTest.run("review", "similar", "--model", "models/wafer-proposed-paper7", "--data",
                    "datasets/wm811k/LSWMD_sample.pkl", "--item", "3", "--k", "5", "--average-symmetries=false",
                    "--json");
            assertEquals(0, s.code(), s.err());
            JsonNode similar = JSON.readTree(s.out());
            assertTrue(similar.get("exact").asBoolean());
            assertEquals(5, similar.get("similar").size());
            double last = 1.0001;
            for (JsonNode n : similar.get("similar")) {
                assertTrue(n.get("item").asInt() != 3, "the map itself is not listed");
                assertTrue(n.get("similarity").asDouble() <= last, similar.toString());
                last = n.get("similarity").asDouble();
            }
            CliTest.Result bad = CliTest.run("review", "similar", "--model", "models/wafer-proposed-paper7", "--data",
                    "datasets/wm811k/LSWMD_sample.pkl", "--item", "999");
            assertEquals(2, bad.code());
            assertTrue(bad.err().lines().anyMatch(l -> l.startsWith("error: ") && l.contains("999")), bad.err());
        } finally {
            if (before == null) {
                System.clearProperty("defectlens.cache");
            } else {
                System.setProperty("defectlens.cache", before);
            }
        }
    }

    @Test
    void similarTakesTheFileRowAsTheUserSeesItWhenInvalidRowsWereLeftOut(@TempDir Path tmp) throws Exception {
        String before = System.getProperty("defectlens.cache");
        System.setProperty("defectlens.cache", tmp.toString());
        try {
            // rows 1 and 3 of skip_mixed.pkl are invalid: the maps read are file rows 0, 2 and 4
            String file = "src/test/resources/fuzz/pickle/skip_mixed.pkl";
            CliTest.Result r = CliTest.run("review", "similar", "--model", "models/wafer-proposed-paper7", "--data",
                    file, "--item", "4", "--k", "2", "--average-symmetries=false", "--json");
            assertEquals(0, r.code(), r.err());
            JsonNode doc = JSON.readTree(r.out());
            assertEquals("4", doc.get("item").asText());
            java.util.Set<String> rows = new java.util.HashSet<>();
            doc.get("similar").forEach(n -> rows.add(n.get("item").asText()));
            assertEquals(java.util.Set.of("0", "2"), rows, "neighbours named by their file rows");
            CliTest.Result invalid = CliTest.run("review", "similar", "--model", "models/wafer-proposed-paper7",
                    "--data", file, "--item", "3");
            assertEquals(2, invalid.code());
            assertTrue(invalid.err().lines().anyMatch(l -> l.startsWith("error: ") && l.contains("skip_mixed.pkl")
                    && l.contains("invalid row")), invalid.err());
            CliTest.Result unknown = CliTest.run("review", "similar", "--model", "models/wafer-proposed-paper7",
                    "--data", file, "--item", "5");
            assertEquals(2, unknown.code());
            assertTrue(unknown.err().lines().anyMatch(l -> l.startsWith("error: ") && l.contains("--item 5 is not a "
                    + "row") && l.contains("rows 0 to 4")), unknown.err());
        } finally {
            if (before == null) {
                System.clearProperty("defectlens.cache");
            } else {
                System.setProperty("defectlens.cache", before);
            }
        }
    }

    @Test
    void aBundleWithoutFitAndAFileItWasNotTrainedOnAreClearErrors(@TempDir Path tmp) throws Exception {
        CliTest.Result r = CliTest.run("review", "novelty", "--model", "models/wafer-baseline-paper7", "--data",
                "datasets/wm811k/LSWMD_sample.pkl");
        assertEquals(2, r.code());
        assertTrue(r.err().startsWith("error: ") && r.err().contains("wafer-baseline-paper7")
                && r.err().contains("--fit"), r.err());
        Path copy = tmp.resolve("bundle");
        Files.createDirectories(copy);
        try (var files = Files.list(Path.of("models/wafer-baseline-paper7"))) {
            for (Path f : files.toList()) {
                Files.copy(f, copy.resolve(f.getFileName()));
            }
        }
        CliTest.Result fit = CliTest.run("review", "novelty", "--fit", "--model", copy.toString(), "--data",
                "datasets/wm811k/LSWMD_sample.pkl");
        assertEquals(2, fit.code(), fit.err());
        assertTrue(fit.err().contains("LSWMD_sample.pkl") && fit.err().contains("trained on"), fit.err());
        assertTrue(Files.notExists(copy.resolve("novelty")), "nothing fitted");
    }
}
