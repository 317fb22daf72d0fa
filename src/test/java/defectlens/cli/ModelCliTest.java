package defectlens.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import defectlens.dataset.DatasetOpener;
import defectlens.dataset.SampleDatasets;
import defectlens.dataset.SemDataset;
import defectlens.model.EfficientNetV2;
import defectlens.model.EfficientNetV2Config;
import defectlens.model.InputSpec;
import defectlens.model.ModelBundle;
import defectlens.model.Provenance;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ModelCliTest {
    @TempDir
    Path tmp;

    private Path bundle(List<String> classes) {
        Path dir = tmp.resolve("bundle");
        try (NDManager m = NDManager.newBaseManager("PyTorch")) {
            EfficientNetV2 net = new EfficientNetV2(EfficientNetV2Config.tiny(), classes.size());
            net.initialize(m, DataType.FLOAT32, new Shape(1, 1, 64, 64));
            ModelBundle.save(dir, ModelBundle.manifestFor("cli-test", net, classes, InputSpec.gray(64),
                    new Provenance("test", 1L, 0, "none", Map.of(), "2026-01-01T00:00:00Z", "test")), net);
        }
        return dir;
    }

    @Test
    void infoClassifyAndEvaluate() throws Exception {
        Path data = SampleDatasets.carinthiaS(tmp.resolve("cs"), 2, false);
        SemDataset ds = DatasetOpener.open(data);
        Path model = bundle(ds.classes());
        ObjectMapper json = new ObjectMapper();

        CliTest.Result info = CliTest.run("model", "info", model.toString(), "--json");
        assertEquals(0, info.code(), info.err());
        JsonNode i = json.readTree(info.out());
        assertEquals("efficientnetv2-tiny", i.get("architecture").asText());
        assertEquals(6, i.get("classes").size());
        assertEquals("[1,64,64]", i.get("input_size").toString());
        assertEquals("final_conv", i.get("split_layer").asText());
        assertTrue(i.get("parameters").asLong() > 100_000);

        CliTest.Result one = CliTest.run("sem", "classify", "--model", model.toString(), "--image",
                ds.samples().get(0).image().toString(), "--top", "2", "--json");
        assertEquals(0, one.code(), one.err());
        assertEquals(2, json.readTree(one.out()).get("predictions").get(0).get("top").size());

        CliTest.Result all = CliTest.run("sem", "classify", "--model", model.toString(), "--data", data.toString(), "--json");
        assertEquals(0, all.code(), all.err());
        assertEquals(12, json.readTree(all.out()).get("predictions").size());
        // 64 px input: the automatic batch is 8, so the 12 images go in two passes
        assertEquals(8, defectlens.model.SemClassifier.recommendedBatch(defectlens.model.InputSpec.gray(64)));
        assertEquals(1, defectlens.model.SemClassifier.recommendedBatch(defectlens.model.InputSpec.gray(384)));
        assertEquals(2, all.err().lines().filter(l -> l.startsWith("sem classify:")).count(), all.err());
        CliTest.Result negative = CliTest.run("sem", "classify", "--model", model.toString(), "--data", data.toString(),
                "--batch", "-1");
        assertEquals(2, negative.code());
        assertTrue(negative.err().contains("--batch"), negative.err());

        Path charts = tmp.resolve("charts");
        CliTest.Result eval = CliTest.run("sem", "evaluate", "--model", model.toString(), "--data", data.toString(),
                "--out", charts.toString(), "--json");
        assertEquals(0, eval.code(), eval.err());
        JsonNode e = json.readTree(eval.out());
        assertEquals(12, e.get("images").asInt());
        assertEquals(6, e.get("per_class").size());
        assertEquals(6, e.get("confusion").get("matrix").size());
        assertTrue(e.has("macro_f1") && e.has("micro_f1") && e.has("accuracy"));
        assertTrue(Files.size(charts.resolve("f1_per_class.png")) > 1000);
        assertTrue(Files.size(charts.resolve("confusion.png")) > 1000);
    }

    @Test
    void trainWritesABundleAndImportMakesOne() throws Exception {
        Path data = SampleDatasets.carinthiaS(tmp.resolve("cs"), 2, false);
        Path out = tmp.resolve("trained");
        CliTest.Result train = CliTest.run("sem", "train", "--data", data.toString(), "--model", "efficientnetv2-tiny",
                "--balance", "weighted", "--epochs", "2", "--seed", "3", "--input-size", "32", "--batch", "6",
                "--val-fraction", "0.5", "--out", out.toString(), "--json");
        assertEquals(0, train.code(), train.err());
        JsonNode t = new ObjectMapper().readTree(train.out());
        assertEquals(2, t.get("epochs_run").asInt());
        assertTrue(train.err().contains("epoch 2/2"), train.err());
        assertTrue(Files.isRegularFile(out.resolve("weights.params")));
        assertEquals("weighted", new ObjectMapper().readTree(out.resolve("model.json").toFile())
                .get("provenance").get("balance").asText());

        Path fixture = Path.of("src/test/resources/model/tiny-torchscript");
        CliTest.Result imp = CliTest.run("model", "import-torchscript", "--features", fixture.resolve("features.pt").toString(),
                "--head", fixture.resolve("head.pt").toString(), "--classes", "a,b,c", "--input-size", "32",
                "--out", tmp.resolve("ts").toString());
        assertEquals(0, imp.code(), imp.err());
        CliTest.Result info = CliTest.run("model", "info", tmp.resolve("ts").toString(), "--json");
        assertEquals(0, info.code(), info.err());
        assertEquals("torchscript", new ObjectMapper().readTree(info.out()).get("architecture").asText());
        CliTest.Result bad = CliTest.run("model", "import-torchscript", "--features", fixture.resolve("features.pt").toString(),
                "--head", fixture.resolve("head.pt").toString(), "--classes", "a,b", "--input-size", "32",
                "--out", tmp.resolve("ts2").toString());
        assertEquals(2, bad.code());
        assertTrue(bad.err().contains("3 logits"), bad.err());
    }

    @Test
    void missingBundleIsAUserError() {
        CliTest.Result r = CliTest.run("model", "info", tmp.resolve("nothing").toString(), "--json");
        assertEquals(2, r.code());
        assertTrue(r.err().contains("nothing"), r.err());
    }
}
