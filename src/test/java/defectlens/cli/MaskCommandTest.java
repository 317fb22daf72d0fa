package defectlens.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import defectlens.explain.TinyCnn;
import defectlens.image.BinaryMask;
import defectlens.image.ImageRaster;
import defectlens.image.SemImageReader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code mask suggest} and {@code mask evaluate} on a freshly generated look-alike set: the candidates form a
 * Carinthia-S data set that refers to the source images (which stay untouched), {@code dataset info} counts its
 * masks, and evaluating the source's own masks against themselves scores 1.
 */
class MaskCommandTest {
    @TempDir
    Path tmp;

    @Test
    void suggestWritesACarinthiaSSetThatDatasetInfoReadsAndEvaluateScores() throws Exception {
        Path src = tmp.resolve("src");
        assertEquals(0, CliTest.run("sem", "generate", "--out", src.toString(), "--per-class", "2", "--size", "160",
                "--seed", "3", "--threads", "1").code());
        byte[] before = Files.readAllBytes(src.resolve("data/images/sem_000001.jpg"));
        Path out = tmp.resolve("cand");
        CliTest.Result r = CliTest.run("mask", "suggest", "--data", src.toString(), "--method", "lines", "--out",
                out.toString(), "--json");
        assertEquals(0, r.code(), r.err());
        ObjectMapper json = new ObjectMapper();
        assertEquals(12, json.readTree(r.out()).get("images").asInt());
        assertTrue(r.err().contains("mask suggest"), "progress on stderr: " + r.err());
        assertTrue(Files.exists(out.resolve("derived.json")));
        assertTrue(!Files.exists(out.resolve("data/images")), "images are referred to, not copied");
        List<String> csv = Files.readAllLines(out.resolve("data/carinthia-s.csv"));
        assertTrue(csv.get(1).startsWith("../../src/data/images/"), csv.get(1));
        assertTrue(java.util.Arrays.equals(before, Files.readAllBytes(src.resolve("data/images/sem_000001.jpg"))));
        ImageRaster m = SemImageReader.read(out.resolve("data/masks/sem_000001.png"));
        for (short v : m.samples()) {
            assertTrue(v == 0 || v == 255, "binary 0/255, got " + v);
        }

        CliTest.Result info = CliTest.run("dataset", "info", out.toString(), "--json");
        assertEquals(0, info.code(), info.err());
        JsonNode j = json.readTree(info.out());
        assertEquals(12, j.get("images").asInt());
        assertEquals(12, j.get("masks").asInt());

        CliTest.Result self = CliTest.run("mask", "evaluate", "--masks", src.toString(), "--data", src.toString(),
                "--json");
        assertEquals(0, self.code(), self.err());
        JsonNode e = json.readTree(self.out());
        assertEquals(12, e.get("images").asInt());
        assertEquals(1.0, e.get("overall").get("iou").get("mean").asDouble(), 1e-12);
        assertEquals(6, e.get("classes").size());

        CliTest.Result cand = CliTest.run("mask", "evaluate", "--masks", out.toString(), "--data", src.toString(),
                "--json");
        assertEquals(0, cand.code(), cand.err());
        JsonNode c = json.readTree(cand.out());
        double iou = c.get("defect_classes").get("iou").asDouble();
        assertTrue(iou > 0 && iou < 1, "lines candidates score between the extremes: " + iou);
        BinaryMask first = BinaryMask.read(out.resolve("data/masks/sem_000001.png"));
        assertEquals(160, first.width());
    }

    @Test
    void heatmapMethodExplainsEachImageWithTheGivenModel() throws Exception {
        Path src = tmp.resolve("src");
        assertEquals(0, CliTest.run("sem", "generate", "--out", src.toString(), "--per-class", "1", "--size", "64",
                "--threads", "1").code());
        java.io.StringWriter out = new java.io.StringWriter();
        java.io.StringWriter err = new java.io.StringWriter();
        int code = DefectLensCommand.run(new java.io.PrintWriter(out, true), new java.io.PrintWriter(err, true),
                dir -> new TinyCnn(), "mask", "suggest", "--data", src.toString(), "--method", "heatmap", "--model",
                tmp.toString(), "--out", tmp.resolve("heat").toString(), "--json");
        assertEquals(0, code, err.toString());
        JsonNode j = new ObjectMapper().readTree(out.toString());
        assertEquals(6, j.get("images").asInt());
        assertTrue(j.get("non_empty").asInt() > 0, "a GradCAM map thresholded at 0.5 is never empty: " + out);
    }

    @Test
    void unknownMethodIsOneErrorLine() throws Exception {
        Path src = tmp.resolve("src");
        CliTest.run("sem", "generate", "--out", src.toString(), "--per-class", "1", "--size", "64", "--threads", "1");
        CliTest.Result r = CliTest.run("mask", "suggest", "--data", src.toString(), "--method", "magic", "--out",
                tmp.resolve("o").toString());
        assertEquals(2, r.code());
        assertTrue(r.err().startsWith("error: ") && r.err().contains("magic"), r.err());
    }

    @Test
    void sam2MethodPromptsTheGivenExportWithTheBoxes() throws Exception {
        Path src = tmp.resolve("src");
        assertEquals(0, CliTest.run("sem", "generate", "--out", src.toString(), "--per-class", "1", "--size", "128",
                "--threads", "1").code());
        Path boxes = tmp.resolve("boxes.csv");
        Files.writeString(boxes, "filename;x;y;width;height\nsem_000001.jpg;10;20;40;30\nsem_000002;64;64;32;32\n");
        Path out = tmp.resolve("sam");
        CliTest.Result r = CliTest.run("mask", "suggest", "--data", src.toString(), "--method", "sam2",
                "--sam2-model", "src/test/resources/model/sam2-standin", "--boxes", boxes.toString(), "--out",
                out.toString(), "--json");
        assertEquals(0, r.code(), r.err());
        assertEquals(6, new ObjectMapper().readTree(r.out()).get("images").asInt());
        BinaryMask first = BinaryMask.read(out.resolve("data/masks/sem_000001.png"));
        assertTrue(first.get(30, 35) && !first.get(5, 35) && !first.get(60, 35) && !first.get(30, 60),
                "the stand-in answers the box 10,20 40x30");
        BinaryMask second = BinaryMask.read(out.resolve("data/masks/sem_000002.png"));
        assertTrue(second.get(80, 80) && !second.get(30, 35));

        CliTest.Result missing = CliTest.run("mask", "suggest", "--data", src.toString(), "--method", "sam2",
                "--out", tmp.resolve("o").toString());
        assertEquals(2, missing.code());
        assertTrue(missing.err().startsWith("error: ") && missing.err().contains("--sam2-model"), missing.err());
    }

    @Test
    void grabcutSeededByOneBoxStaysInsideIt() throws Exception {
        Path src = tmp.resolve("src");
        assertEquals(0, CliTest.run("sem", "generate", "--out", src.toString(), "--per-class", "1", "--size", "128",
                "--threads", "1").code());
        Path out = tmp.resolve("gc");
        CliTest.Result r = CliTest.run("mask", "suggest", "--data", src.toString(), "--method", "grabcut", "--box",
                "20,30,60,40", "--out", out.toString(), "--json");
        assertEquals(0, r.code(), r.err());
        assertTrue(new ObjectMapper().readTree(r.out()).get("non_empty").asInt() > 0, r.out());
        for (int i = 1; i <= 6; i++) {
            BinaryMask m = BinaryMask.read(out.resolve(String.format("data/masks/sem_%06d.png", i)));
            for (int y = 0; y < m.height(); y++) {
                for (int x = 0; x < m.width(); x++) {
                    assertTrue(!m.get(x, y) || (x >= 20 && x < 80 && y >= 30 && y < 70), "inside the box");
                }
            }
        }
        CliTest.Result bad = CliTest.run("mask", "suggest", "--data", src.toString(), "--method", "grabcut",
                "--box", "20,30,sixty,40", "--out", tmp.resolve("o").toString());
        assertEquals(2, bad.code());
        assertTrue(bad.err().startsWith("error: ") && bad.err().contains("--box"), bad.err());
    }
}
