package defectlens.explain;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import defectlens.app.TinySemBundle;
import defectlens.cli.DefectLensCommand;
import defectlens.cli.ModelOpener;
import defectlens.dataset.SampleDatasets;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code explain evaluate} on a tiny EfficientNetV2 bundle: the localisation metrics, the correlation of every pair
 * of methods and the sanity checks (cascading randomisation, random logit).
 */
class SanityCommandTest {
    @TempDir
    Path tmp;

    @Test
    void evaluationReportsLocalisationCorrelationsAndSanityChecks() throws Exception {
        Path model = TinySemBundle.save(tmp.resolve("tiny"));
        Path data = SampleDatasets.carinthiaS(tmp.resolve("cs"), 1, false);
        Path out = tmp.resolve("report");
        StringWriter o = new StringWriter();
        StringWriter e = new StringWriter();
        int code = DefectLensCommand.run(new PrintWriter(o, true), new PrintWriter(e, true), ModelOpener.BUNDLES,
                "explain", "evaluate", "--model", model.toString(), "--data", data.toString(), "--methods",
                "gradcam,hirescam,layercam", "--steps", "0", "--top-k", "50", "--limit", "6", "--sanity", "1", "--out",
                out.toString(), "--json");
        assertEquals(0, code, e.toString());
        JsonNode j = new ObjectMapper().readTree(o.toString());
        assertEquals("stage4", j.get("layer").asText());
        for (JsonNode m : j.get("methods")) {
            for (String k : new String[] {"relevanceMassAccuracy", "relevanceRankAccuracy", "topKIntersection", "auc"}) {
                double v = m.get(k).get("mean").asDouble();
                assertTrue(v >= 0 && v <= 1, k + " " + v);
            }
        }
        JsonNode pairs = j.get("correlations");
        assertEquals(3, pairs.size());
        assertEquals("gradcam", pairs.get(0).get("methods").get(0).asText());
        assertEquals("hirescam", pairs.get(0).get("methods").get(1).asText());
        JsonNode sanity = j.get("sanity");
        assertEquals(1, sanity.get("images").asInt());
        assertEquals(8, sanity.get("cascade").size(), "classifier, final_conv, stage5 ... stem");
        assertEquals("classifier", sanity.get("cascade").get(0).get("layer").asText());
        assertEquals("stem", sanity.get("cascade").get(7).get("layer").asText());
        for (String m : new String[] {"gradcam", "hirescam", "layercam"}) {
            assertTrue(sanity.get("changed").get(m).asBoolean(), m + " " + sanity);
            double lastSsim = sanity.get("cascade").get(7).get("ssim").get(m).asDouble();
            assertTrue(lastSsim < 0.9, m + " " + lastSsim);
            assertTrue(sanity.get("randomLogit").get(m).has("ssim"));
        }
        String md = Files.readString(out.resolve("explain-evaluation.md"));
        assertTrue(md.contains("| Method | Relevance mass | Relevance rank | Top-k intersection | AUC |"), md);
        assertTrue(md.contains("Mean Pearson correlation"), md);
        assertTrue(Files.readString(out.resolve("explain-sanity.md")).contains("| Randomised down to |"));
    }
}
