package defectlens.explain;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import defectlens.cli.DefectLensCommand;
import defectlens.cli.ModelOpener;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code bench explain} reports a forward/explanation timing and memory samples (figures live in docs/benchmarks.md). */
class BenchExplainCommandTest {
    @TempDir
    Path tmp;

    private ModelOpener models = ModelOpener.BUNDLES;

    @Test
    void reportsSpeedAndMemorySamples() throws Exception {
        Path image = tmp.resolve("golden.png");
        defectlens.image.SemImageWriter.write(TinyCnn.goldenImage(), image);
        models = dir -> new TinyCnn();
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int code = DefectLensCommand.run(new PrintWriter(out, true), new PrintWriter(err, true), models, "bench", "explain",
                "--model", tmp.toString(), "--image", image.toString(), "--method", "gradcam", "--repeats", "3",
                "--warmup", "1", "--endurance", "20", "--sample-every", "10", "--json");
        assertEquals(0, code, err.toString());
        JsonNode j = new ObjectMapper().readTree(out.toString());
        assertEquals("gradcam", j.get("speed").get("method").asText());
        assertTrue(j.get("speed").get("explainMillis").asDouble() > 0);
        assertEquals(3, j.get("memory").size(), "samples at 0, 10 and 20");
        assertEquals(20, j.get("memory").get(2).get("explanations").asInt());
        assertTrue(j.get("memory").get(2).get("heapMb").asDouble() > 0);
    }
}
