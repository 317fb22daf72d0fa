package defectlens.explain;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import defectlens.cli.DefectLensCommand;
import defectlens.cli.ModelOpener;
import defectlens.image.NpyFile;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code sem explain} is {@code explain heatmap} under the sem commands: same options, same maps. */
class SemExplainCommandTest {
    @TempDir
    Path tmp;

    private ModelOpener models = ModelOpener.BUNDLES;

    private String[] run(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int code = DefectLensCommand.run(new PrintWriter(out, true), new PrintWriter(err, true), models, args);
        return new String[] {Integer.toString(code), out.toString(), err.toString()};
    }

    @Test
    void semExplainWritesTheSameMapAsExplainHeatmap() throws Exception {
        Path image = tmp.resolve("golden.png");
        defectlens.image.SemImageWriter.write(TinyCnn.goldenImage(), image);
        models = dir -> new TinyCnn();
        String[] sem = run("sem", "explain", "--model", tmp.toString(), "--image", image.toString(), "--method",
                "gradcam", "--class", "collapse", "--out", tmp.resolve("sem.npy").toString(), "--png",
                tmp.resolve("sem.png").toString(), "--json");
        assertEquals("0", sem[0], sem[2]);
        JsonNode j = new ObjectMapper().readTree(sem[1]);
        assertEquals("gradcam", j.get("method").asText());
        assertEquals("collapse", j.get("class").asText());
        assertTrue(Files.isRegularFile(tmp.resolve("sem.png")));
        String[] heat = run("explain", "heatmap", "--model", tmp.toString(), "--image", image.toString(), "--method",
                "gradcam", "--class", "collapse", "--out", tmp.resolve("heat.npy").toString());
        assertEquals("0", heat[0], heat[2]);
        float[] a = NpyFile.read(tmp.resolve("sem.npy")).data();
        float[] b = NpyFile.read(tmp.resolve("heat.npy")).data();
        assertEquals(b.length, a.length);
        for (int i = 0; i < a.length; i++) {
            assertEquals(b[i], a[i], 0f);
        }
        String[] help = run("sem", "explain", "--help");
        assertTrue(help[1].contains("--method") && help[1].contains("--out"), help[1]);
    }
}
