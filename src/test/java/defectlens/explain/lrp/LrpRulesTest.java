package defectlens.explain.lrp;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** The rules on layers small enough to work out by hand (worked values in the comments). */
class LrpRulesTest {
    /** x = [1, 2], W = [[1, -1], [2, 1]], b = [0.5, 0]: z = [-0.5, 4]; explained relevance R = [1, 2]. */
    private static float[] dense(LrpRule rule) {
        try (NDManager m = NDManager.newBaseManager()) {
            LrpLinearLayer layer = LrpLinearLayer.dense("dense", m.create(new float[] {1, -1, 2, 1}, new Shape(2, 2)),
                    m.create(new float[] {0.5f, 0}));
            NDArray x = m.create(new float[] {1, 2}, new Shape(1, 2));
            assertArrayEquals(new float[] {-0.5f, 4}, layer.forward(x).toFloatArray(), 1e-6f);
            return layer.relevance(x, m.create(new float[] {1, 2}, new Shape(1, 2)), rule).toFloatArray();
        }
    }

    @Test
    void epsilonLetsTheBiasAbsorbItsShare() {
        // s = R / z = [-2, 0.5]; W^T s = [-1, 2.5]; R_x = x * W^T s = [-1, 5]: total 4, the bias of output 0 took -1
        assertArrayEquals(new float[] {-1, 5}, dense(new LrpRule.Epsilon(1e-9)), 1e-5f);
    }

    @Test
    void zPlusSharesOnlyPositiveContributions() {
        // output 0: contributions [1, -2] -> all of R = 1 to x0; output 1: [2, 2] -> 1 and 1
        assertArrayEquals(new float[] {2, 1}, dense(new LrpRule.ZPlus()), 1e-6f);
        // alpha1beta0 differs only in the positive bias 0.5 of output 0 joining the positive sum: x0 gets 1 / 1.5
        assertArrayEquals(new float[] {1f / 1.5f + 1, 1}, dense(new LrpRule.AlphaBeta(1, 0)), 1e-6f);
    }

    @Test
    void alphaTwoBetaOne() {
        // output 0: z+ = 1 + 0.5 (bias) = 1.5, z- = -2: x0 gets 2 * 1/1.5, x1 gets -1 * (-2 / -2);
        // output 1: z+ = 4, no negative part: x0 and x1 get 2 * 2 * 2/4 = 2 each
        assertArrayEquals(new float[] {2f * 1 / 1.5f + 2, -1 + 2}, dense(new LrpRule.AlphaBeta(2, 1)), 1e-5f);
    }

    @Test
    void zBoxGivesRelevanceToInputsAtTheLowerBound() {
        // x = [0, 1] in [0, 1], W = [[-1, 2]]: z' = z - l w+ - h w- = 2 - 0 + 1 = 3; R_x = [0 + 1/3, 2/3]
        try (NDManager m = NDManager.newBaseManager()) {
            LrpLinearLayer layer = LrpLinearLayer.dense("dense", m.create(new float[] {-1, 2}, new Shape(1, 2)), null);
            NDArray x = m.create(new float[] {0, 1}, new Shape(1, 2));
            float[] r = layer.relevance(x, m.create(new float[] {1}, new Shape(1, 1)), new LrpRule.ZBox(0, 1)).toFloatArray();
            assertArrayEquals(new float[] {1f / 3, 2f / 3}, r, 1e-6f);
        }
    }

    /** The convolution's transpose (taken by autograd) matches a direct loop over the kernel. */
    @Test
    void convolutionEpsilonMatchesADirectLoop() {
        Random random = new Random(2);
        int c = 2;
        int f = 3;
        int n = 5;
        float[] w = LrpKernelFlipTest.gaussian(random, f * c * 9);
        float[] xs = LrpKernelFlipTest.gaussian(random, c * n * n);
        float[] rs = LrpKernelFlipTest.gaussian(random, f * n * n);
        try (NDManager m = NDManager.newBaseManager()) {
            LrpLinearLayer conv = LrpLinearLayer.convolution("conv", m.create(w, new Shape(f, c, 3, 3)), null, new Shape(1, 1),
                    new Shape(1, 1), new Shape(1, 1), 1);
            NDArray x = m.create(xs, new Shape(1, c, n, n));
            float[] z = conv.forward(x).toFloatArray();
            float[] got = conv.relevance(x, m.create(rs, new Shape(1, f, n, n)), new LrpRule.Epsilon(1e-9)).toFloatArray();
            float[] expected = new float[c * n * n];
            for (int o = 0; o < f; o++) {
                for (int i = 0; i < n; i++) {
                    for (int j = 0; j < n; j++) {
                        double s = rs[(o * n + i) * n + j] / z[(o * n + i) * n + j];
                        for (int ch = 0; ch < c; ch++) {
                            for (int di = -1; di <= 1; di++) {
                                for (int dj = -1; dj <= 1; dj++) {
                                    int yi = i + di;
                                    int xj = j + dj;
                                    if (yi >= 0 && yi < n && xj >= 0 && xj < n) {
                                        int at = (ch * n + yi) * n + xj;
                                        expected[at] += (float) (xs[at] * w[((o * c + ch) * 3 + di + 1) * 3 + dj + 1] * s);
                                    }
                                }
                            }
                        }
                    }
                }
            }
            for (int i = 0; i < expected.length; i++) {
                assertEquals(expected[i], got[i], 1e-3 * (1 + Math.abs(expected[i])), "input " + i);
            }
        }
    }

    @Test
    void maxPoolGivesEachWindowsRelevanceToOneWinnerEvenOnTies() {
        try (NDManager m = NDManager.newBaseManager()) {
            LrpMaxPoolLayer pool = new LrpMaxPoolLayer("pool", new Shape(2, 2), new Shape(2, 2));
            NDArray x = m.create(new float[] {0, 0, 1, 3, 0, 0, 2, 0}, new Shape(1, 1, 2, 4));
            float[] r = pool.relevance(x, m.create(new float[] {5, 7}, new Shape(1, 1, 1, 2)), null).toFloatArray();
            assertEquals(12f, r[0] + r[1] + r[2] + r[3] + r[4] + r[5] + r[6] + r[7], 1e-6f);
            assertEquals(7f, r[3], 1e-6f);
            assertEquals(5f, r[0] + r[1] + r[4] + r[5], 1e-6f);
            assertEquals(5f, Math.max(Math.max(r[0], r[1]), Math.max(r[4], r[5])), 1e-6f, "one winner of the tied window");
        }
    }
}
