package defectlens.model;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.training.ParameterStore;
import defectlens.core.DefectLensException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ModelBundleTest {
    private static final List<String> CLASSES = List.of("a", "b", "c");

    @TempDir
    Path tmp;

    private static Path saveTiny(Path dir, NDManager manager, List<String> classes, EfficientNetV2[] out) {
        EfficientNetV2 net = new EfficientNetV2(EfficientNetV2Config.tiny(), classes.size());
        InputSpec spec = InputSpec.gray(64);
        net.initialize(manager, DataType.FLOAT32, new Shape(1, 1, 64, 64));
        Provenance p = new Provenance("test", 3L, 0, "none", Map.of(), "2026-01-01T00:00:00Z", "test");
        ModelBundle.save(dir, ModelBundle.manifestFor("tiny-test", net, classes, spec, p), net);
        if (out != null) {
            out[0] = net;
        }
        return dir;
    }

    @Test
    void roundTripGivesIdenticalLogitsAndManifest() {
        try (NDManager manager = NDManager.newBaseManager("PyTorch")) {
            EfficientNetV2[] saved = new EfficientNetV2[1];
            Path dir = saveTiny(tmp.resolve("bundle"), manager, CLASSES, saved);
            NDArray x = manager.randomNormal(new Shape(2, 1, 64, 64));
            float[] before = saved[0].forward(new ParameterStore(manager, false), new NDList(x), false)
                    .singletonOrThrow().toFloatArray();
            try (SplitClassifier loaded = ModelBundle.load(dir)) {
                float[] after = loaded.logits(x).toFloatArray();
                assertArrayEquals(before, after, 0f);
                assertEquals(CLASSES, loaded.classes());
                assertEquals(EfficientNetV2.SPLIT_LAYER, loaded.splitLayer());
                assertEquals(64, loaded.input().width());
            }
            ModelManifest m = ModelBundle.readManifest(dir);
            assertEquals("efficientnetv2-tiny", m.architecture());
            assertEquals(saved[0].trainableParameterCount(), m.parameters());
            assertEquals(3L, m.provenance().seed());
        }
    }

    @Test
    void missingOrCorruptManifestNamesTheFile() throws Exception {
        Path empty = Files.createDirectories(tmp.resolve("empty"));
        DefectLensException e = assertThrows(DefectLensException.class, () -> ModelBundle.load(empty));
        assertTrue(e.getMessage().contains("model.json"), e.getMessage());
        Files.writeString(empty.resolve("model.json"), "{ not json");
        e = assertThrows(DefectLensException.class, () -> ModelBundle.load(empty));
        assertTrue(e.getMessage().contains("model.json") && e.getMessage().contains("not a valid"), e.getMessage());
    }

    @Test
    void weightsForOtherClassesAreRejected() throws Exception {
        try (NDManager manager = NDManager.newBaseManager("PyTorch")) {
            Path dir = saveTiny(tmp.resolve("four"), manager, List.of("a", "b", "c", "d"), null);
            String json = Files.readString(dir.resolve("model.json")).replace("\"d\"", "\"d\", \"e\"");
            Files.writeString(dir.resolve("model.json"), json);
            DefectLensException e = assertThrows(DefectLensException.class, () -> ModelBundle.load(dir));
            assertTrue(e.getMessage().contains("weights.params"), e.getMessage());
            Files.delete(dir.resolve("weights.params"));
            e = assertThrows(DefectLensException.class, () -> ModelBundle.load(dir));
            assertTrue(e.getMessage().contains("missing"), e.getMessage());
        }
    }
}
