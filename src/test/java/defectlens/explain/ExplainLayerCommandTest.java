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
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code explain layers}, {@code model info} and {@code --layer} of the explain commands on a tiny EfficientNetV2 bundle. */
class ExplainLayerCommandTest {
    @TempDir
    Path tmp;

    private String[] run(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int code = DefectLensCommand.run(new PrintWriter(out, true), new PrintWriter(err, true), ModelOpener.BUNDLES,
                args);
        return new String[] {Integer.toString(code), out.toString(), err.toString()};
    }

    @Test
    void listsLayersExplainsAtTheDefaultOrANamedLayerAndRefusesAnUnknownOne() throws Exception {
        Path model = TinySemBundle.save(tmp.resolve("tiny"));
        String[] layers = run("explain", "layers", "--model", model.toString(), "--json");
        assertEquals("0", layers[0], layers[2]);
        JsonNode list = new ObjectMapper().readTree(layers[1]).get("layers");
        assertEquals(7, list.size());
        assertEquals("stage4", list.get(4).get("name").asText());
        assertTrue(list.get(4).get("default").asBoolean());
        assertEquals(4, list.get(4).get("height").asInt());
        String[] info = run("model", "info", model.toString());
        assertTrue(info[1].contains("<- default") && info[1].contains("stage4"), info[1]);

        Path data = SampleDatasets.carinthiaS(tmp.resolve("cs"), 1, false);
        Path image = data.resolve("data/images/img_0000.jpg");
        String[] byRule = run("explain", "heatmap", "--model", model.toString(), "--image", image.toString(),
                "--out", tmp.resolve("a.npy").toString(), "--json");
        assertEquals("0", byRule[0], byRule[2]);
        JsonNode a = new ObjectMapper().readTree(byRule[1]);
        assertEquals("stage4", a.get("layer").asText());
        assertTrue(a.get("layerByRule").asBoolean());
        assertEquals(4, a.get("rawWidth").asInt());
        String[] named = run("explain", "heatmap", "--model", model.toString(), "--image", image.toString(),
                "--layer", "stage3", "--method", "multilayercam", "--out", tmp.resolve("b.npy").toString());
        assertEquals("0", named[0], named[2]);
        assertTrue(named[1].contains("layer stage3 (40 x 8 x 8), chosen"), named[1]);
        String[] unknown = run("explain", "heatmap", "--model", model.toString(), "--image", image.toString(),
                "--layer", "stage9", "--out", tmp.resolve("c.npy").toString());
        assertEquals("2", unknown[0]);
        assertTrue(unknown[2].startsWith("error: ") && unknown[2].contains("tiny") && unknown[2].contains("stage9"),
                unknown[2]);
    }
}
