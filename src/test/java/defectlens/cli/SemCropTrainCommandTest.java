package defectlens.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SemCropTrainCommandTest {
    @TempDir
    Path tmp;

    @Test
    void cropTrainingWritesAWindowedBundleThatInfoAndEvaluateUse() throws Exception {
        Path data = tmp.resolve("data");
        Path bundle = tmp.resolve("bundle");
        assertEquals(0, CliTest.run("sem", "generate", "--variety", "wide", "--out", data.toString(), "--per-class", "1",
                "--size", "96", "--threads", "1").code());
        CliTest.Result train = CliTest.run("sem", "train", "--data", data.toString(), "--crop", "48", "--epochs", "1",
                "--batch", "6", "--val-fraction", "0", "--out", bundle.toString(), "--json");
        assertEquals(0, train.code(), train.err());
        CliTest.Result info = CliTest.run("model", "info", bundle.toString(), "--json");
        assertEquals(0, info.code(), info.err());
        JsonNode j = new ObjectMapper().readTree(info.out());
        assertEquals(96, j.get("input_size").get(1).asInt(), "the bundle takes whole frames");
        JsonNode w = j.get("sliding_window");
        assertEquals(48, w.get("window").asInt());
        assertEquals(24, w.get("stride").asInt(), "the stride defaults to half the crop");
        assertEquals("no_defect", w.get("background").asText());
        CliTest.Result text = CliTest.run("model", "info", bundle.toString());
        assertTrue(text.out().contains("sliding window: 48 px every 24 px over 96 px frames (9 windows)"), text.out());
        CliTest.Result eval = CliTest.run("sem", "evaluate", "--model", bundle.toString(), "--data", data.toString(),
                "--json");
        assertEquals(0, eval.code(), eval.err());
    }

    @Test
    void evidenceLossTrainsAnOutputStride16BundleAndIsRecorded() throws Exception {
        Path data = tmp.resolve("data");
        Path bundle = tmp.resolve("bundle");
        assertEquals(0, CliTest.run("sem", "generate", "--variety", "wide", "--out", data.toString(), "--per-class", "1",
                "--size", "96", "--threads", "1").code());
        CliTest.Result train = CliTest.run("sem", "train", "--data", data.toString(), "--model",
                "efficientnetv2-tiny-os16", "--crop", "48", "--epochs", "1", "--batch", "6", "--val-fraction", "0",
                "--evidence-weight", "1.5", "--out", bundle.toString(), "--json");
        assertEquals(0, train.code(), train.err());
        JsonNode m = new ObjectMapper().readTree(bundle.resolve("model.json").toFile());
        assertEquals("efficientnetv2-tiny-os16", m.get("architecture").asText());
        assertEquals(1.5, m.at("/provenance/metrics/settings/evidence_loss_weight").asDouble(), 1e-6);
        CliTest.Result layers = CliTest.run("explain", "layers", "--model", bundle.toString());
        assertEquals(0, layers.code(), layers.err());
        // 96 px frames at output stride 16: a 6 x 6 final map, the default layer
        assertTrue(layers.out().matches("(?s).*final_conv\\s+256 x\\s+6 x\\s+6\\s+<- default.*"), layers.out());
    }

    @Test
    void evidenceLossWithoutCropsIsOneErrorLine() {
        CliTest.Result r = CliTest.run("sem", "train", "--data", tmp.toString(), "--evidence-weight", "1", "--out",
                tmp.resolve("b").toString());
        assertEquals(2, r.code());
        assertTrue(r.err().startsWith("error: ") && r.err().contains("--evidence-weight"), r.err());
        assertEquals(1, r.err().strip().lines().count(), r.err());
    }

    @Test
    void badCropSettingsAreOneErrorLine() {
        CliTest.Result r = CliTest.run("sem", "train", "--data", tmp.toString(), "--crop", "20", "--out",
                tmp.resolve("b").toString());
        assertEquals(2, r.code());
        assertTrue(r.err().startsWith("error: ") && r.err().contains("--crop"), r.err());
        assertEquals(1, r.err().strip().lines().count(), r.err());
    }
}
