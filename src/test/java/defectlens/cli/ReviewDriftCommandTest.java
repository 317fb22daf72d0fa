package defectlens.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import defectlens.review.ModelFingerprint;
import defectlens.review.novelty.DriftReference;
import defectlens.review.novelty.NoveltyScore;
import defectlens.review.novelty.NoveltyStore;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code review drift} on the shipped wafer sample against a copy of the paper7 bundle. */
class ReviewDriftCommandTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    @Test
    void theDriftOfTheSampleIsDrawnAndTabulatedAndAFitWithoutReferenceIsAClearError(@TempDir Path tmp)
            throws Exception {
        Path bundle = tmp.resolve("paper7");
        Files.createDirectories(bundle.resolve("novelty"));
        for (String f : new String[] {"model.json", "model.params", "member-2.params", "novelty/centre.npy",
            "novelty/means.npy", "novelty/whitening.npy", "novelty/reference.npy", "novelty/novelty.json"}) {
            Files.copy(Path.of("models/wafer-proposed-paper7").resolve(f), bundle.resolve(f));
        }
        NoveltyStore.Stored fit = NoveltyStore.load(bundle, ModelFingerprint.of(bundle)).orElseThrow();
        NoveltyStore.saveInfo(bundle, fit.info().withReference(null));
        Path png = tmp.resolve("drift.png");
        Path csv = tmp.resolve("drift.csv");
        String[] args = {"review", "drift", "--model", bundle.toString(), "--data", "datasets/wm811k/LSWMD_sample.pkl",
            "--png", png.toString(), "--csv", csv.toString(), "--json"};
        CliTest.Result none = CliTest.run(args);
        assertEquals(2, none.code(), none.err());
        assertTrue(none.err().lines().anyMatch(l -> l.startsWith("error: ") && l.contains("novelty.json")
                && l.contains("--keep-reference")), none.err());

        Map<NoveltyScore, List<Double>> known = new EnumMap<>(NoveltyScore.class);
        List<Double> energies = new ArrayList<>();
        for (int i = 0; i < 100; i++) {
            energies.add(-20 + 0.1 * i); // a reference well below the threshold (-6.08)
        }
        known.put(NoveltyScore.ENERGY, energies);
        Map<String, Double> shares = new LinkedHashMap<>();
        fit.info().classes().forEach(c -> shares.put(c, 1.0 / 7));
        NoveltyStore.saveInfo(bundle, fit.info().withReference(new DriftReference(shares, known)));
        CliTest.Result r = CliTest.run(args);
        assertEquals(0, r.code(), r.err());
        JsonNode doc = JSON.readTree(r.out());
        assertEquals(200, doc.get("maps").asInt());
        assertEquals(0.0, doc.get("reference_above_threshold").asDouble(), 1e-12);
        double predicted = 0;
        for (JsonNode c : doc.get("classes")) {
            predicted += c.get("predicted").asDouble();
            assertEquals(1.0 / 7, c.get("training").asDouble(), 1e-12);
        }
        assertEquals(1.0, predicted, 1e-9, "every map has a predicted class");
        List<String> lines = Files.readAllLines(csv);
        assertEquals("part,from,to,data_share,reference_share", lines.get(0));
        assertEquals(1 + 30 + 7, lines.size());
        double data = lines.subList(1, 31).stream().mapToDouble(l -> Double.parseDouble(l.split(",")[3])).sum();
        assertEquals(1.0, data, 1e-4, "the histogram holds every map");
        assertTrue(Files.size(png) > 5000, "a picture was written");
    }
}
