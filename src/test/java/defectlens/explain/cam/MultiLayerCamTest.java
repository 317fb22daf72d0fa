package defectlens.explain.cam;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import defectlens.app.TinySemBundle;
import defectlens.explain.ExplanationLayer;
import defectlens.explain.Explainers;
import defectlens.explain.Heatmap;
import defectlens.image.ImageRaster;
import defectlens.model.ExplainableLayer;
import defectlens.model.ModelBundle;
import defectlens.model.SplitClassifier;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** LayerCAM fused over layers on a tiny EfficientNetV2: the finest fused layer's resolution, from the explained one down. */
class MultiLayerCamTest {
    @TempDir
    Path tmp;

    @Test
    void fusesTheExplainedLayerWithShallowerOnesAtTheFinestResolution() {
        try (SplitClassifier whole = ModelBundle.load(TinySemBundle.save(tmp.resolve("tiny")))) {
            SplitClassifier model = ExplanationLayer.choose(whole, null).model();
            assertEquals(java.util.List.of("stage2", "stage3", "stage4"),
                    MultiLayerCam.fusedLayers(model).stream().map(ExplainableLayer::name).toList());
            short[] px = new short[64 * 64];
            for (int i = 0; i < px.length; i++) {
                px[i] = (short) ((i % 64) / 4 % 2 == 0 ? 40 : 200);
            }
            ImageRaster image = new ImageRaster(64, 64, 1, 8, px);
            Heatmap fused = Explainers.camByName("multilayercam").explain(model, image, 2);
            assertEquals(16, fused.rawWidth(), "stage2's 16 x 16 map is the finest");
            assertEquals(2, fused.targetClass());
            assertFalse(fused.isDegenerate(), fused.toString());
            Heatmap deep = new LayerCam().explain(model, image, 2);
            assertEquals(4, deep.rawWidth());
            float max = 0;
            for (float v : fused.raw()) {
                max = Math.max(max, v);
            }
            assertTrue(max <= 1.0001f && max > 0.99f, "each layer's map is scaled to [0, 1] before the maximum: " + max);
        }
    }
}
