package defectlens.model;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import defectlens.app.TinySemBundle;
import defectlens.core.DefectLensException;
import defectlens.explain.ExplanationLayer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Explainable layers of an EfficientNetV2 bundle: listed with their map sizes, split anywhere, default by rule. */
class ExplainableLayersTest {
    @TempDir
    Path tmp;

    @Test
    void aBundleListsItsStagesWithMapSizesAndSplitsAtAnyOfThemWithTheSameLogits() throws Exception {
        Path dir = TinySemBundle.save(tmp.resolve("tiny"));
        assertTrue(Files.readString(dir.resolve("model.json")).contains("\"explainable_layers\""));
        assertEquals(7, ModelBundle.readManifest(dir).explainableLayers().size());
        try (SplitClassifier model = ModelBundle.load(dir); NDManager m = NDManager.newBaseManager()) {
            List<ExplainableLayer> layers = model.explainableLayers();
            assertEquals(List.of("stem", "stage1", "stage2", "stage3", "stage4", "stage5", "final_conv"),
                    layers.stream().map(ExplainableLayer::name).toList());
            assertEquals(List.of(32, 32, 16, 8, 4, 2, 2), layers.stream().map(ExplainableLayer::height).toList());
            assertEquals(new ExplainableLayer("stage3", 40, 8, 8), layers.get(3));
            NDArray x = m.randomUniform(-1, 1, new Shape(1, 1, 64, 64));
            float[] whole = model.logits(x).toFloatArray();
            for (ExplainableLayer l : layers) {
                SplitClassifier at = model.splitAt(l.name());
                assertEquals(l.name(), at.splitLayer());
                NDArray maps = at.features(x);
                assertEquals(new Shape(1, l.channels(), l.height(), l.width()), maps.getShape());
                assertArrayEquals(whole, at.head(maps).toFloatArray(), 1e-4f, l.name());
            }
            DefectLensException e = assertThrows(DefectLensException.class, () -> model.splitAt("stage9"));
            assertTrue(e.getMessage().contains("stage4"), e.getMessage());
        }
    }

    @Test
    void theDefaultIsTheDeepestLayerWhoseMapIsAtLeastASixteenthOfTheInput() throws Exception {
        List<ExplainableLayer> tiny192 = List.of(new ExplainableLayer("stem", 16, 96, 96),
                new ExplainableLayer("stage2", 24, 48, 48), new ExplainableLayer("stage3", 40, 24, 24),
                new ExplainableLayer("stage4", 64, 12, 12), new ExplainableLayer("stage5", 96, 6, 6),
                new ExplainableLayer("final_conv", 256, 6, 6));
        assertEquals("stage4", ExplainableLayer.defaultOf(tiny192, InputSpec.gray(192)).name());
        assertEquals("stage3", ExplainableLayer.defaultOf(tiny192, InputSpec.gray(384)).name());
        assertEquals("stem", ExplainableLayer.defaultOf(tiny192, InputSpec.gray(4096)).name(),
                "no layer is fine enough: the finest one");
        Path dir = TinySemBundle.save(tmp.resolve("tiny"));
        try (SplitClassifier model = ModelBundle.load(dir)) {
            ExplanationLayer chosen = ExplanationLayer.choose(model, null);
            assertEquals("stage4", chosen.layer().name());
            assertTrue(chosen.byRule());
            assertTrue(chosen.describe().contains("1/16"), chosen.describe());
            assertEquals("stage2", ExplanationLayer.choose(model, "stage2").model().splitLayer());
            assertEquals("final_conv", ExplanationLayer.choose(model, "final_conv").model().splitLayer());
        }
    }
}
