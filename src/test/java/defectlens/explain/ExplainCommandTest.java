package defectlens.explain;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import defectlens.cli.DefectLensCommand;
import defectlens.cli.ModelOpener;
import defectlens.dataset.SampleDatasets;
import defectlens.image.NpyFile;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code explain evaluate} and {@code explain heatmap} through the model-loader hook with the tiny test CNN. */
class ExplainCommandTest {
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
    void evaluatesCamsAndCraftOnACarinthiaSFolder() throws Exception {
        Path data = SampleDatasets.carinthiaS(tmp.resolve("cs"), 2, false);
        models = dir -> new TinyCnn();
        Path out = tmp.resolve("report");
        Path banks = tmp.resolve("banks");
        String[] r = run("explain", "evaluate", "--model", tmp.resolve("tiny-model").toString(), "--data", data.toString(),
                "--methods", "gradcam,layercam+tta,craft", "--threshold", "0.4", "--steps", "4", "--craft-patch", "16",
                "--craft-concepts", "3", "--craft-images", "3", "--craft-iterations", "100", "--banks", banks.toString(),
                "--out", out.toString(), "--json");
        assertEquals("0", r[0], r[2]);
        JsonNode j = new ObjectMapper().readTree(r[1]);
        assertEquals(0.4, j.get("threshold").asDouble());
        assertEquals(12, j.get("imagesWithMasks").asInt());
        JsonNode methods = j.get("methods");
        assertEquals(3, methods.size());
        assertEquals("gradcam", methods.get(0).get("method").asText());
        assertEquals("craft", methods.get(2).get("method").asText());
        for (JsonNode m : methods) {
            assertEquals(10, m.get("images").asInt(), "the two no-defect images have empty masks");
            for (String k : List.of("accuracy", "precision", "recall", "dice", "iou", "deletionAuc", "insertionAuc")) {
                double mean = m.get(k).get("mean").asDouble();
                assertTrue(mean >= 0 && mean <= 1, k + " " + mean);
                assertTrue(m.get(k).get("sd").asDouble() >= 0);
            }
            double pg = m.get("pointingGame").asDouble();
            assertTrue(pg >= 0 && pg <= 1);
        }
        String md = Files.readString(out.resolve("explain-evaluation.md"));
        assertTrue(md.contains("| Method | Accuracy | Precision | Recall | Dice | IoU |"), md);
        assertTrue(md.contains("| layercam+tta | "), md);
        List<String> csv = Files.readAllLines(out.resolve("explain-evaluation.csv"));
        assertEquals(4, csv.size(), String.join("\n", csv));
        assertTrue(csv.get(0).startsWith("method,images,degenerate,accuracy_mean,accuracy_sd"), csv.get(0));
        assertTrue(Files.isDirectory(banks.resolve("tiny-model")), "the fitted banks are saved per model and class");

        Path image = data.resolve("data/images/img_0000.jpg");
        String[] craft = run("explain", "heatmap", "--model", tmp.resolve("tiny-model").toString(), "--image",
                image.toString(), "--method", "craft", "--banks", banks.toString(), "--out", tmp.resolve("craft.npy").toString(),
                "--json");
        assertEquals("0", craft[0], craft[2]);
        assertEquals("craft", new ObjectMapper().readTree(craft[1]).get("method").asText());
        assertTrue(Files.isRegularFile(tmp.resolve("craft.npy")));
    }

    @Test
    void heatmapCommandWritesNpyRawAndPng() throws Exception {
        Path image = tmp.resolve("golden.png");
        defectlens.image.SemImageWriter.write(TinyCnn.goldenImage(), image);
        models = dir -> new TinyCnn();
        String[] r = run("explain", "heatmap", "--model", tmp.toString(), "--image", image.toString(), "--method", "gradcam",
                "--class", "collapse", "--out", tmp.resolve("h.npy").toString(), "--raw", tmp.resolve("raw.npy").toString(),
                "--png", tmp.resolve("h.png").toString(), "--colormap", "inferno", "--json");
        assertEquals("0", r[0], r[2]);
        JsonNode j = new ObjectMapper().readTree(r[1]);
        assertEquals("collapse", j.get("class").asText());
        assertEquals(1, j.get("classIndex").asInt());
        assertTrue(j.get("degenerate").isNull());
        NpyFile.Array raw = NpyFile.read(tmp.resolve("raw.npy"));
        assertEquals(16, raw.shape()[0]);
        float[] golden = NpyFile.read(TinyCnn.RESOURCES.resolve("gradcam_raw.npy")).data();
        for (int i = 0; i < 256; i++) {
            assertEquals(golden[256 + i], raw.data()[i], 1e-4);
        }
        assertEquals(3, defectlens.image.SemImageReader.read(tmp.resolve("h.png")).channels());
        String[] badClass = run("explain", "heatmap", "--model", tmp.toString(), "--image", image.toString(),
                "--class", "scratch", "--out", tmp.resolve("x.npy").toString());
        assertEquals("2", badClass[0]);
        assertTrue(badClass[2].contains("no class 'scratch'"), badClass[2]);
    }

    @Test
    void unknownMethodAndMissingModelAreUserErrors() throws Exception {
        Path data = SampleDatasets.carinthiaS(tmp.resolve("cs"), 1, false);
        String[] noModel = run("explain", "evaluate", "--model", tmp.toString(), "--data", data.toString(), "--json");
        assertEquals("2", noModel[0]);
        assertTrue(noModel[2].contains("model.json") && noModel[2].contains("missing"), noModel[2]);
        models = dir -> new TinyCnn();
        String[] bad = run("explain", "evaluate", "--model", tmp.toString(), "--data", data.toString(), "--methods", "gradcamz");
        assertEquals("2", bad[0]);
        assertTrue(bad[2].contains("unknown explanation method 'gradcamz'"), bad[2]);
    }
}
