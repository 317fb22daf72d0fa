package defectlens.explain.cam;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import ai.djl.ndarray.NDManager;
import defectlens.explain.Heatmap;
import defectlens.explain.NpyFile;
import defectlens.explain.TinyCnn;
import defectlens.image.ImageRaster;
import defectlens.model.ModelInputs;
import org.junit.jupiter.api.Test;

/** Java GradCAM against the PyTorch reference made by {@code make_gradcam_golden.py}. */
class GradCamGoldenTest {
    @Test
    void logitsMatchPyTorch() {
        float[] expected = NpyFile.read(TinyCnn.RESOURCES.resolve("logits.npy")).data();
        try (TinyCnn model = new TinyCnn(); NDManager m = NDManager.newBaseManager()) {
            float[] logits = model.logits(ModelInputs.tensor(TinyCnn.goldenImage(), model.input(), m)).toFloatArray();
            for (int c = 0; c < expected.length; c++) {
                assertEquals(expected[c], logits[c], 1e-5, "logit " + c);
            }
        }
    }

    @Test
    void gradCamMatchesPyTorchForEveryClass() {
        NpyFile.Array raw = NpyFile.read(TinyCnn.RESOURCES.resolve("gradcam_raw.npy"));
        NpyFile.Array up = NpyFile.read(TinyCnn.RESOURCES.resolve("gradcam_up.npy"));
        ImageRaster image = TinyCnn.goldenImage();
        try (TinyCnn model = new TinyCnn()) {
            for (int c = 0; c < 3; c++) {
                Heatmap h = new GradCam().explain(model, image, c);
                assertFalse(h.isDegenerate(), h.toString());
                assertEquals(16, h.rawWidth());
                assertEquals(32, h.width());
                double rawDiff = maxAbsDiff(raw.data(), c * 256, h.raw());
                double upDiff = maxAbsDiff(up.data(), c * 1024, h.normalized());
                System.out.printf("gradcam golden class %d: max |raw diff| %.3g, max |normalised diff| %.3g%n", c, rawDiff, upDiff);
                assertEquals(0, rawDiff, 1e-4, "raw map of class " + c);
                assertEquals(0, upDiff, 1e-4, "normalised map of class " + c);
            }
        }
    }

    private static double maxAbsDiff(float[] expected, int offset, float[] actual) {
        double d = 0;
        for (int i = 0; i < actual.length; i++) {
            d = Math.max(d, Math.abs(expected[offset + i] - actual[i]));
        }
        return d;
    }
}
