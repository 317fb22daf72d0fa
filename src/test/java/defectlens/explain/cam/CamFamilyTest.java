package defectlens.explain.cam;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import defectlens.core.DefectLensException;
import defectlens.explain.Augmentation;
import defectlens.explain.AugmentedExplainer;
import defectlens.explain.Explainer;
import defectlens.explain.Explainers;
import defectlens.explain.Heatmap;
import defectlens.explain.TinyCnn;
import defectlens.image.ImageRaster;
import defectlens.image.NpyFile;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Every CAM method against the PyTorch reference maps of {@code make_gradcam_golden.py}. */
class CamFamilyTest {
    private static TinyCnn model;
    private static final ImageRaster IMAGE = TinyCnn.goldenImage();

    @BeforeAll
    static void load() {
        model = new TinyCnn();
    }

    @AfterAll
    static void close() {
        model.close();
    }

    @Test
    void everyMethodMatchesItsReference() {
        Map<String, Explainer> methods = Map.of("gradcampp", new GradCamPlusPlus(), "hirescam", new HiResCam(),
                "xgradcam", new XGradCam(), "layercam", new LayerCam(), "eigencam", new EigenCam(),
                "scorecam", new ScoreCam(3));
        for (Map.Entry<String, Explainer> e : methods.entrySet()) {
            float[] ref = NpyFile.read(TinyCnn.RESOURCES.resolve("cam_" + e.getKey() + ".npy")).data();
            Heatmap h = e.getValue().explain(model, IMAGE, Explainer.PREDICTED);
            assertEquals(0, h.targetClass());
            assertFalse(h.isDegenerate(), h.toString());
            float[] raw = h.raw();
            double scale = 0;
            double diff = 0;
            for (int i = 0; i < ref.length; i++) {
                scale = Math.max(scale, Math.abs(ref[i]));
                diff = Math.max(diff, Math.abs(ref[i] - raw[i]));
            }
            System.out.printf("%s golden: max |diff| %.3g (max |ref| %.3g)%n", e.getKey(), diff, scale);
            assertTrue(diff <= 1e-4 && diff <= 1e-4 * scale, e.getKey() + " differs by " + diff);
        }
    }

    @Test
    void signedMethodsKeepNegativeRawValues() {
        Heatmap hires = new HiResCam().explain(model, IMAGE, 0);
        assertTrue(hires.signed());
        float min = Float.MAX_VALUE;
        for (float v : hires.raw()) {
            min = Math.min(min, v);
        }
        assertTrue(min < 0, "HiResCAM of this image has negative cells");
        for (float v : hires.normalized()) {
            assertTrue(v >= 0f && v <= 1f);
        }
        assertFalse(new GradCam().explain(model, IMAGE, 0).signed());
    }

    @Test
    void scoreCamDoesNotDependOnItsBatchSize() {
        assertArrayEquals(new ScoreCam(1).explain(model, IMAGE, 1).raw(),
                new ScoreCam(64).explain(model, IMAGE, 1).raw(), 1e-6f);
    }

    @Test
    void augmentationsInvertExactly() {
        float[] map = new float[6 * 4];
        for (int i = 0; i < map.length; i++) {
            map[i] = i;
        }
        ImageRaster img = new ImageRaster(6, 4, 1, 8, shorts(map));
        for (Augmentation a : Augmentation.values()) {
            ImageRaster t = a.apply(img);
            float[] tm = new float[map.length];
            for (int i = 0; i < tm.length; i++) {
                tm[i] = t.samples()[i];
            }
            assertArrayEquals(map, a.invert(tm, t.width(), t.height()), a.name());
        }
        ImageRaster r90 = Augmentation.ROTATE_90.apply(img);
        assertEquals(4, r90.width());
        assertEquals(6, r90.height());
        assertEquals(5, r90.sample(0, 0, 0), "np.rot90 puts the top-right pixel at the top-left");
    }

    @Test
    void ttaWithIdentityOnlyEqualsTheMethodAndFullTtaIsAValidMap() {
        Heatmap plain = new GradCam().explain(model, IMAGE, 0);
        Heatmap id = new AugmentedExplainer(new GradCam(), List.of(Augmentation.IDENTITY)).explain(model, IMAGE, 0);
        assertArrayEquals(plain.raw(), id.raw(), 0f);
        Heatmap tta = Explainers.camByName("gradcam+tta").explain(model, IMAGE, Explainer.PREDICTED);
        assertEquals("gradcam+tta", tta.method());
        assertEquals(0, tta.targetClass());
        assertFalse(tta.isDegenerate());
        assertEquals(plain.rawWidth(), tta.rawWidth());
    }

    @Test
    void gradientExplanationsFromTwoThreadsDoNotCollide() throws Exception {
        float[] expected = new GradCam().explain(model, IMAGE, 1).raw();
        java.util.concurrent.ExecutorService pool = java.util.concurrent.Executors.newFixedThreadPool(2);
        try {
            List<java.util.concurrent.Future<float[]>> futures = new java.util.ArrayList<>();
            for (int i = 0; i < 16; i++) {
                futures.add(pool.submit(() -> new GradCam().explain(model, IMAGE, 1).raw()));
            }
            for (java.util.concurrent.Future<float[]> f : futures) {
                assertArrayEquals(expected, f.get(), 0f);
            }
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void unknownMethodAndClassAreClearErrors() {
        assertThrows(DefectLensException.class, () -> Explainers.camByName("gradcamz"));
        assertThrows(IllegalArgumentException.class, () -> new GradCam().explain(model, IMAGE, 7));
    }

    @Test
    void manyExplanationsInARowLeaveNoArraysBehind() {
        ai.djl.ndarray.BaseNDManager system = (ai.djl.ndarray.BaseNDManager) ai.djl.ndarray.NDManager.newBaseManager()
                .getParentManager();
        Explainer gradcam = new GradCam();
        float[] first = gradcam.explain(model, IMAGE, 2).raw();
        int weights = model.managedArrays();
        int before = system.getManagedArrays().size();
        for (int i = 0; i < 60; i++) {
            gradcam.explain(model, IMAGE, 2);
            new ScoreCam(4).explain(model, IMAGE, Explainer.PREDICTED);
        }
        Explainers.camByName("eigencam+tta").explain(model, IMAGE, 1);
        assertEquals(weights, model.managedArrays(), "nothing attached to the model's manager");
        assertEquals(before, system.getManagedArrays().size(), "every per-call manager was closed");
        assertArrayEquals(first, gradcam.explain(model, IMAGE, 2).raw(), 0f);
    }

    private static short[] shorts(float[] v) {
        short[] s = new short[v.length];
        for (int i = 0; i < v.length; i++) {
            s[i] = (short) v[i];
        }
        return s;
    }
}
