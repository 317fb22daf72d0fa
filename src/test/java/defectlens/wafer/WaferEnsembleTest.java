package defectlens.wafer;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import defectlens.core.DefectLensException;
import defectlens.explain.lrp.LrpComposite;
import defectlens.explain.lrp.LrpExplainer;
import defectlens.explain.lrp.LrpExplanation;
import defectlens.wafer.explain.KernelFlipLrp;
import defectlens.wafer.explain.WaferLrpExplainer;
import defectlens.wafer.explain.WaferRelevance;
import java.io.DataOutputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Ensembles of wafer networks: averaged probabilities, 16-bit bundles, mean LRP, refused mixtures. */
class WaferEnsembleTest {
    private static final List<String> CLASSES = List.of("Center", "Donut", "Edge-Ring");

    private static Map<String, Object> provenance(long testSeed, int splitSeed) {
        return Map.of("classSet", "paper7", "split", Map.of("testFraction", 0.2, "testSeed", testSeed, "seed", splitSeed),
                "training", Map.of("seed", splitSeed));
    }

    /** A randomly initialised network (different weights for each call, as DJL draws them). */
    private static WaferModel network(List<String> classes, long testSeed, int seed) {
        WaferModel m = WaferModel.create(WaferVariant.PROPOSED, classes, 64, provenance(testSeed, seed));
        m.initialize();
        return m;
    }

    private static float[][] maps(int n, long seed) {
        Random r = new Random(seed);
        float[][] maps = new float[n][64 * 64];
        for (float[] m : maps) {
            for (int i = 0; i < m.length; i++) {
                m[i] = r.nextDouble() < 0.1 ? 1f : 0f;
            }
        }
        return maps;
    }

    @Test
    void theEnsembleAveragesItsMembersProbabilitiesAndKeepsTheirFacts() {
        float[][] maps = maps(5, 1);
        WaferModel a = network(CLASSES, 0, 1);
        WaferModel b = network(CLASSES, 0, 2);
        float[][] pa = a.predict(maps, false);
        float[][] pb = b.predict(maps, false);
        try (WaferModel e = WaferEnsemble.assemble(List.of(a, b), List.of("a", "b"))) {
            assertEquals(2, e.networkCount());
            float[][] pe = e.predict(maps, false);
            for (int i = 0; i < maps.length; i++) {
                for (int c = 0; c < CLASSES.size(); c++) {
                    assertEquals((pa[i][c] + pb[i][c]) / 2, pe[i][c], 1e-6);
                }
            }
            Map<String, Object> p = e.provenance();
            assertEquals("paper7", p.get("classSet"));
            List<?> members = (List<?>) p.get("ensemble");
            assertEquals(2, members.size());
            assertEquals(2, ((Map<?, ?>) members.get(1)).get("splitSeed"));
            assertEquals(0L, ((Map<?, ?>) p.get("split")).get("testSeed"));
        }
    }

    @Test
    void membersOfOtherClassesOrOtherHeldOutMapsAreRefused() {
        WaferModel a = network(CLASSES, 0, 1);
        WaferModel b = network(CLASSES, 3, 2);
        IllegalArgumentException split = assertThrows(IllegalArgumentException.class,
                () -> WaferEnsemble.assemble(List.of(a, b), List.of("a", "b")));
        assertTrue(split.getMessage().contains("different test maps"), split.getMessage());
        WaferModel c = network(List.of("Center", "Donut"), 0, 2);
        IllegalArgumentException classes = assertThrows(IllegalArgumentException.class,
                () -> WaferEnsemble.assemble(List.of(a, c), List.of("a", "c")));
        assertTrue(classes.getMessage().contains("differ"), classes.getMessage());
        a.close();
        b.close();
        c.close();
    }

    @Test
    void anEnsembleRoundTripsAsABundleIn32And16BitWeights(@TempDir Path dir) throws Exception {
        float[][] maps = maps(6, 2);
        try (WaferModel e = WaferEnsemble.assemble(List.of(network(CLASSES, 0, 1), network(CLASSES, 0, 2)),
                List.of("a", "b"))) {
            e.setAverageOverSymmetries(true);
            float[][] expected = e.predict(maps);
            Path full = dir.resolve("full");
            WaferModelBundle.save(e, full);
            e.setHalfPrecisionWeights(true);
            Path half = dir.resolve("half");
            WaferModelBundle.save(e, half);
            assertTrue(Files.size(half.resolve("member-2.params")) < 0.6 * Files.size(full.resolve("member-2.params")));
            JsonNode json = new ObjectMapper().readTree(half.resolve("model.json").toFile());
            assertEquals("float16", json.get("weights_dtype").asText());
            assertEquals("member-2.params", json.get("ensemble").get("weights").get(0).asText());
            try (WaferModel f = WaferModelBundle.load(full); WaferModel h = WaferModelBundle.load(half)) {
                assertEquals(2, f.networkCount());
                assertTrue(f.averageOverSymmetries());
                assertTrue(h.halfPrecisionWeights());
                float[][] pf = f.predict(maps);
                float[][] ph = h.predict(maps);
                for (int i = 0; i < maps.length; i++) {
                    for (int c = 0; c < CLASSES.size(); c++) {
                        assertEquals(expected[i][c], pf[i][c], 1e-6, "32-bit weights are exact");
                        assertEquals(expected[i][c], ph[i][c], 5e-3, "16-bit weights round to about 3 digits");
                    }
                }
            }
            // the window loads bundles while a training run may hold a GradientCollector open
            try (ai.djl.training.GradientCollector busy = ai.djl.engine.Engine.getEngine("PyTorch").newGradientCollector();
                    WaferModel h = WaferModelBundle.load(half)) {
                float[][] ph = h.predict(maps);
                for (int i = 0; i < maps.length; i++) {
                    for (int c = 0; c < CLASSES.size(); c++) {
                        assertEquals(expected[i][c], ph[i][c], 5e-3, "16-bit weights loaded during training");
                    }
                }
            }
            Files.delete(half.resolve("member-2.params"));
            DefectLensException missing = assertThrows(DefectLensException.class, () -> WaferModelBundle.load(half));
            assertTrue(missing.getMessage().contains("member-2.params"), missing.getMessage());
        }
    }

    @Test
    void halfPrecisionWeightsRefuseAnotherNetworkAndValuesBeyondTheirRange(@TempDir Path dir) throws Exception {
        try (WaferModel m = network(CLASSES, 0, 1)) {
            m.setHalfPrecisionWeights(true);
            WaferModelBundle.save(m, dir);
            String json = Files.readString(dir.resolve("model.json")).replace("\"Edge-Ring\" ]", "\"Edge-Ring\", \"Loc\" ]");
            Files.writeString(dir.resolve("model.json"), json);
            DefectLensException wrong = assertThrows(DefectLensException.class, () -> WaferModelBundle.load(dir));
            assertTrue(wrong.getMessage().contains("does not fit"), wrong.getMessage());

            // through a detached view: an earlier training in this JVM may have left the parameters requiring grad
            try (ai.djl.ndarray.NDArray w = m.block().getParameters().get(0).getValue().getArray().stopGradient()) {
                w.set(new ai.djl.ndarray.index.NDIndex("0,0,0,0"), 1e6f);
            }
            try (OutputStream os = Files.newOutputStream(dir.resolve("big.params")); DataOutputStream out = new DataOutputStream(os)) {
                java.io.IOException big = assertThrows(java.io.IOException.class, () -> HalfPrecisionWeights.save(m.block(), out));
                assertTrue(big.getMessage().contains("16-bit"), big.getMessage());
            }
        }
    }

    @Test
    void lrpOfAnEnsembleIsTheMeanOfItsNetworksRelevanceForTheEnsemblesClass() {
        float[] map = maps(1, 3)[0];
        try (WaferModel e = WaferEnsemble.assemble(List.of(network(CLASSES, 0, 1), network(CLASSES, 0, 2)),
                List.of("a", "b"));
                WaferLrpExplainer explainer = new WaferLrpExplainer(e)) {
            LrpComposite composite = LrpComposite.defaultComposite();
            WaferRelevance r = explainer.explain(map, -1, composite);
            int predicted = WaferPredictions.argMax(e.predict(new float[][] {map}, false)[0]);
            assertEquals(predicted, r.lrp().predictedClass());
            assertEquals(predicted, r.lrp().explainedClass());
            float[] input = e.encoder().encode(map);
            try (ai.djl.ndarray.NDManager manager = ai.djl.ndarray.NDManager.newBaseManager()) {
                float[] mean = new float[input.length];
                for (int k = 0; k < 2; k++) {
                    try (LrpExplainer one = new LrpExplainer(e.networkBlock(k),
                            new ai.djl.ndarray.types.Shape(1, 64, 64), manager, KernelFlipLrp.WAFER_RULES)) {
                        LrpExplanation x = one.explain(input, predicted, composite);
                        for (int i = 0; i < mean.length; i++) {
                            mean[i] += x.relevance()[i] / 2;
                        }
                    }
                }
                for (int i = 0; i < mean.length; i++) {
                    assertEquals(mean[i], r.lrp().relevance()[i], 1e-5 + 1e-4 * Math.abs(mean[i]));
                }
            }
        }
    }
}
