package defectlens.model;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.djl.engine.Engine;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import ai.djl.training.GradientCollector;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import defectlens.core.DefectLensException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Imports the small CNN traced by {@code docs/export_torchscript.py --tiny-test} (Debian PyTorch 1.13)
 * and compares its logits with the ones Python wrote to {@code golden.json}.
 */
class TorchScriptImportTest {
    private static final Path FIXTURE = Path.of("src/test/resources/model/tiny-torchscript");

    @TempDir
    Path tmp;

    private static float[] goldenInput(int size) {
        float[] x = new float[3 * size * size];
        for (int c = 0; c < 3; c++) {
            for (int y = 0; y < size; y++) {
                for (int w = 0; w < size; w++) {
                    x[(c * size + y) * size + w] = (float) Math.sin(0.37 * (y * size + w) + 1.3 * c);
                }
            }
        }
        return x;
    }

    @Test
    void importedBundleGivesPythonLogitsAndGradientsAtTheSplit() throws Exception {
        JsonNode golden = new ObjectMapper().readTree(FIXTURE.resolve("golden.json").toFile());
        Path out = tmp.resolve("imported");
        ModelManifest m = TorchScriptImporter.importBundle(FIXTURE.resolve("features.pt"), FIXTURE.resolve("head.pt"),
                List.of("a", "b", "c"), InputSpec.imagenet(32), "features.5", "tiny", out);
        assertEquals(1467, m.parameters());
        try (SplitClassifier model = ModelBundle.load(out); NDManager nd = NDManager.newBaseManager("PyTorch")) {
            assertEquals("features.5", model.splitLayer());
            NDArray x = nd.create(goldenInput(32), new Shape(1, 3, 32, 32));
            float[] logits = model.logits(x).toFloatArray();
            float[] expected = new float[3];
            for (int i = 0; i < 3; i++) {
                expected[i] = (float) golden.get("logits").get(i).asDouble();
            }
            assertArrayEquals(expected, logits, 1e-5f);
            try (GradientCollector gc = Engine.getInstance().newGradientCollector()) {
                NDArray maps = model.features(x).stopGradient();
                maps.setRequiresGradient(true);
                NDArray score = model.head(maps).get(0, 1);
                gc.backward(score);
                NDArray grad = maps.getGradient();
                assertArrayEquals(new long[] {1, 16, 8, 8}, grad.getShape().getShape());
                assertTrue(grad.abs().sum().getFloat() > 0);
            }
        }
    }

    @Test
    void wrongClassCountIsRejected() {
        DefectLensException e = assertThrows(DefectLensException.class, () -> TorchScriptImporter.importBundle(
                FIXTURE.resolve("features.pt"), FIXTURE.resolve("head.pt"), List.of("a", "b"), InputSpec.imagenet(32),
                null, "tiny", tmp.resolve("bad")));
        assertTrue(e.getMessage().contains("3 logits"), e.getMessage());
    }

    @Test
    void aModuleThatDoesNotLoadIsNamedNotCountedAsZero() throws Exception {
        Path junk = Files.writeString(tmp.resolve("junk.pt"), "not a TorchScript archive");
        DefectLensException e = assertThrows(DefectLensException.class,
                () -> TorchScriptParameters.count(FIXTURE.resolve("head.pt"), junk));
        assertTrue(e.getMessage().contains("junk.pt") && e.getMessage().contains("count its parameters"),
                e.getMessage());
    }
}
