package defectlens.wafer.explain;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Blocks;
import ai.djl.nn.Parameter;
import ai.djl.nn.SequentialBlock;
import ai.djl.nn.core.Linear;
import ai.djl.nn.norm.BatchNorm;
import ai.djl.nn.norm.Dropout;
import defectlens.core.DefectLensException;
import defectlens.explain.lrp.LrpBatchNormLayer;
import defectlens.explain.lrp.LrpCanonizer;
import defectlens.explain.lrp.LrpComposite;
import defectlens.explain.lrp.LrpExplainer;
import defectlens.explain.lrp.LrpExplanation;
import defectlens.explain.lrp.LrpLayer;
import defectlens.explain.lrp.LrpLayerKind;
import defectlens.explain.lrp.LrpRule;
import defectlens.wafer.WaferNetworks;
import defectlens.wafer.WaferVariant;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;

class LrpConservationTest {
    private static final Shape SAMPLE = new Shape(1, 64, 64);

    /** A wafer network with random weights, random BatchNorm scales of both signs, and every bias and shift zero. */
    static SequentialBlock zeroBiasNetwork(WaferVariant variant, NDManager m, long seed) {
        SequentialBlock net = WaferNetworks.build(variant, 7);
        m.getEngine().setRandomSeed((int) seed);
        net.initialize(m, DataType.FLOAT32, WaferNetworks.INPUT_SHAPE);
        Random random = new Random(seed);
        for (var pair : net.getParameters()) {
            Parameter p = pair.getValue();
            NDArray a = p.getArray();
            String name = pair.getKey();
            if (name.endsWith("bias") || name.endsWith("beta") || name.endsWith("runningMean")) {
                a.muli(0f);
            } else if (name.endsWith("gamma") || name.endsWith("runningVar")) {
                float[] v = new float[(int) a.size()];
                for (int i = 0; i < v.length; i++) {
                    double g = 0.5 + random.nextDouble();
                    v[i] = (float) (name.endsWith("gamma") && random.nextInt(4) == 0 ? -g : g);
                }
                a.set(v);
            }
        }
        return net;
    }

    static float[] waferLikeMap(long seed) {
        Random random = new Random(seed);
        float[] map = new float[64 * 64];
        for (int r = 0; r < 64; r++) {
            for (int c = 0; c < 64; c++) {
                boolean blob = Math.hypot(r - 24, c - 38) < 9;
                if (Math.hypot(r - 31.5, c - 31.5) < 31 && random.nextDouble() < (blob ? 0.9 : 0.04)) {
                    map[r * 64 + c] = 1f;
                }
            }
        }
        return map;
    }

    @Test
    void epsilonZplusConservesTheLogitWithZeroBiasesForAllFourVariants() {
        for (WaferVariant variant : WaferVariant.values()) {
            try (NDManager m = NDManager.newBaseManager()) {
                SequentialBlock net = zeroBiasNetwork(variant, m, 11);
                try (LrpExplainer explainer = new LrpExplainer(net, SAMPLE, m, KernelFlipLrp.WAFER_RULES)) {
                    // map variants see the map; the sinogram variants see any non-negative 64x64 input here
                    LrpExplanation e = explainer.explain(waferLikeMap(2), -1, LrpComposite.named("epsilon-zplus"));
                    assertEquals(1.0, e.conservation(), 1e-3, variant + ": relevance " + e.relevanceSum()
                            + " vs logit " + e.explainedLogit() + " " + e.layerSums());
                    assertEquals(e.predictedClass(), e.explainedClass());
                    assertEquals(64 * 64, e.relevance().length);
                }
            }
        }
    }

    @Test
    void everyNamedCompositeRunsOnTheProposedNetworkAndReportsItsFigures() {
        try (NDManager m = NDManager.newBaseManager()) {
            SequentialBlock net = WaferNetworks.build(WaferVariant.PROPOSED, 7);
            net.initialize(m, DataType.FLOAT32, WaferNetworks.INPUT_SHAPE);
            try (LrpExplainer explainer = new LrpExplainer(net, SAMPLE, m, KernelFlipLrp.WAFER_RULES)) {
                assertEquals(List.of(LrpLayerKind.CONVOLUTION, LrpLayerKind.RELU, LrpLayerKind.BATCH_NORM,
                        LrpLayerKind.MAX_POOL, LrpLayerKind.KERNEL_FLIP),
                        explainer.layers().subList(0, 5).stream().map(LrpLayer::kind).toList());
                for (String name : LrpComposite.names()) {
                    LrpExplanation e = explainer.explain(waferLikeMap(3), 2, LrpComposite.named(name));
                    assertEquals(2, e.explainedClass());
                    assertTrue(Double.isFinite(e.conservation()), name);
                    assertEquals(e.relevanceSum(), e.layerSums().get(0).sum(), 1e-3 * (1 + Math.abs(e.relevanceSum())));
                    assertEquals(e.explainedLogit(), e.layerSums().get(e.layerSums().size() - 1).sum(), 1e-6);
                }
            }
        }
    }

    @Test
    void batchNormIsMeasuredAsTheAffineMapOfItsRunningStatistics() {
        try (NDManager m = NDManager.newBaseManager()) {
            SequentialBlock net = zeroBiasNetwork(WaferVariant.BASELINE, m, 4);
            var bnParams = net.getChildren().get(2).getValue().getParameters();
            LrpBatchNormLayer bn = (LrpBatchNormLayer) LrpCanonizer.canonize(net, WaferNetworks.INPUT_SHAPE, m,
                    KernelFlipLrp.WAFER_RULES).get(2);
            float[] expected = bnParams.get("gamma").getArray()
                    .div(bnParams.get("runningVar").getArray().add(1e-5f).sqrt()).toFloatArray();
            float[] scale = bn.scale().toFloatArray();
            for (int i = 0; i < expected.length; i++) {
                assertEquals(expected[i], scale[i], 1e-4);
            }
            assertEquals(0f, bn.shift().abs().max().getFloat(), 1e-6);
        }
    }

    @Test
    void aBiasAbsorbsRelevanceAndTheLayerSumsShowWhere() {
        try (NDManager m = NDManager.newBaseManager()) {
            SequentialBlock net = zeroBiasNetwork(WaferVariant.BASELINE, m, 8);
            for (var pair : net.getParameters()) {
                if (pair.getKey().endsWith("beta")) {
                    pair.getValue().getArray().addi(0.3f);
                }
            }
            try (LrpExplainer explainer = new LrpExplainer(net, SAMPLE, m, KernelFlipLrp.WAFER_RULES)) {
                LrpExplanation e = explainer.explain(waferLikeMap(5), -1, LrpComposite.defaultComposite());
                assertNotEquals(1.0, e.conservation(), 1e-3);
                // layerSums.get(i) enters layer i, layerSums.get(i + 1) leaves it: only the shifted BatchNorms change the total
                int changed = 0;
                for (int i = 0; i < explainer.layers().size(); i++) {
                    double in = e.layerSums().get(i).sum();
                    double out = e.layerSums().get(i + 1).sum();
                    boolean batchNorm = explainer.layers().get(i).kind() == LrpLayerKind.BATCH_NORM;
                    if (!batchNorm) {
                        assertEquals(out, in, 1e-3 * Math.abs(out), e.layerSums().get(i).layer());
                    } else if (Math.abs(in - out) > 1e-3 * Math.abs(out)) {
                        changed++;
                    }
                }
                assertTrue(changed > 0, "a BatchNorm shift absorbed or added relevance: " + e.layerSums());
            }
        }
    }

    @Test
    void aLayerWithoutARuleStopsWithItsName() {
        try (NDManager m = NDManager.newBaseManager()) {
            SequentialBlock net = new SequentialBlock().add(Blocks.batchFlattenBlock())
                    .add(Linear.builder().setUnits(4).build()).add(Dropout.builder().build())
                    .add(Linear.builder().setUnits(2).build());
            net.initialize(m, DataType.FLOAT32, new Shape(1, 3));
            DefectLensException e = assertThrows(DefectLensException.class, () -> new LrpExplainer(net, new Shape(3), m));
            assertTrue(e.getMessage().contains("2: Dropout"), e.getMessage());

            SequentialBlock withNorm = new SequentialBlock().add(Linear.builder().setUnits(4).build())
                    .add(BatchNorm.builder().build()).add(Linear.builder().setUnits(2).build());
            withNorm.initialize(m, DataType.FLOAT32, new Shape(1, 3));
            LrpComposite denseOnly = new LrpComposite("dense-only",
                    Map.of(LrpLayerKind.DENSE, new LrpRule.Epsilon(1e-6)), null);
            try (LrpExplainer explainer = new LrpExplainer(withNorm, new Shape(3), m)) {
                DefectLensException missing = assertThrows(DefectLensException.class,
                        () -> explainer.explain(new float[] {1, 2, 3}, 0, denseOnly));
                assertTrue(missing.getMessage().contains("1: BatchNorm"), missing.getMessage());
                DefectLensException unknown = assertThrows(DefectLensException.class, () -> LrpComposite.named("gamma"));
                assertTrue(unknown.getMessage().contains("epsilon-zplus"), unknown.getMessage());
            }
        }
    }
}
