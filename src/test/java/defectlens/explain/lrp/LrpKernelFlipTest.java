package defectlens.explain.lrp;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

class LrpKernelFlipTest {
    private static final Shape ONE = new Shape(1, 1);

    private static LrpKernelFlipLayer layer(NDManager m, float[] w, Shape wShape, float[] b, Shape padding) {
        return new LrpKernelFlipLayer("flip", m.create(w, wShape), b == null ? null : m.create(b), ONE, padding, ONE);
    }

    /**
     * x = [1, 2, 3], w = [1, 0, 2] (mirrored [2, 0, 1]), padding 1 along the width, no bias.
     * Direct outputs [4, 7, 2], mirrored [2, 5, 4]: max [4, 7, 4], won by direct, direct, mirrored.
     * z+ with R = y: output 0 (direct, window [0, 1, 2]) gives x1 all 4; output 1 (direct, window
     * [1, 2, 3]) gives x0 1 and x2 6; output 2 (mirrored, window [2, 3, 0] against [2, 0, 1]) gives x1 4.
     * Input relevance [1, 8, 6], total 15 = 4 + 7 + 4.
     */
    @Test
    void handCheckedMultiBranchRelevance() {
        try (NDManager m = NDManager.newBaseManager()) {
            LrpKernelFlipLayer flip = layer(m, new float[] {1, 0, 2}, new Shape(1, 1, 1, 3), null, new Shape(0, 1));
            NDArray x = m.create(new float[] {1, 2, 3}, new Shape(1, 1, 1, 3));
            NDArray y = flip.forward(x);
            assertArrayEquals(new float[] {4, 7, 4}, y.toFloatArray(), 1e-6f);
            assertArrayEquals(new float[] {1, 1, 0}, flip.directWins(x).toFloatArray());
            LrpRule zplus = new LrpRule.ZPlus();
            assertArrayEquals(new float[] {1, 8, 6}, flip.relevance(x, y, zplus).toFloatArray(), 1e-5f);
            assertArrayEquals(new float[] {1, 8, 6}, flip.relevanceByBranch(x, y, zplus).toFloatArray(), 1e-5f);
        }
    }

    @Test
    void concatenatedPropagationEqualsBranchByBranchForEveryRule() {
        Random random = new Random(3);
        try (NDManager m = NDManager.newBaseManager()) {
            float[] w = gaussian(random, 4 * 3 * 3 * 3);
            float[] b = gaussian(random, 4);
            LrpKernelFlipLayer flip = layer(m, w, new Shape(4, 3, 3, 3), b, ONE);
            NDArray x = m.create(gaussian(random, 3 * 6 * 6), new Shape(1, 3, 6, 6)).abs();
            NDArray r = m.create(gaussian(random, 4 * 6 * 6), new Shape(1, 4, 6, 6));
            for (LrpRule rule : List.of(new LrpRule.ZPlus(), new LrpRule.Epsilon(1e-6), new LrpRule.AlphaBeta(1, 0),
                    new LrpRule.AlphaBeta(2, 1), new LrpRule.ZBox(0, 3))) {
                float[] joint = flip.relevance(x, r, rule).toFloatArray();
                float[] separate = flip.relevanceByBranch(x, r, rule).toFloatArray();
                assertEquals(3 * 6 * 6, joint.length);
                for (int i = 0; i < joint.length; i++) {
                    assertEquals(separate[i], joint[i], 1e-4 * (1 + Math.abs(separate[i])), rule.label() + " at " + i);
                }
            }
        }
    }

    @Test
    void bothBranchesWinSomewhereOnARandomInput() {
        Random random = new Random(5);
        try (NDManager m = NDManager.newBaseManager()) {
            LrpKernelFlipLayer flip = layer(m, gaussian(random, 2 * 1 * 3 * 3), new Shape(2, 1, 3, 3), null, ONE);
            NDArray x = m.create(gaussian(random, 8 * 8), new Shape(1, 1, 8, 8));
            float won = flip.directWins(x).sum().getFloat();
            assertEquals(true, won > 0 && won < 2 * 64, "direct branch won " + won + " of 128 elements");
        }
    }

    static float[] gaussian(Random random, int n) {
        float[] v = new float[n];
        for (int i = 0; i < n; i++) {
            v[i] = (float) random.nextGaussian();
        }
        return v;
    }
}
