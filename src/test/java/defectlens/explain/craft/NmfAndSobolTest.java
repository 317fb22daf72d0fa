package defectlens.explain.craft;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import defectlens.explain.FitProgress;
import java.util.Random;
import java.util.concurrent.CancellationException;
import org.junit.jupiter.api.Test;

class NmfAndSobolTest {
    /** A planted rank-3 non-negative 40x12 matrix. */
    private static float[] planted(int n, int k, int r, long seed) {
        Random rnd = new Random(seed);
        float[] u = new float[n * r];
        float[] w = new float[r * k];
        for (int i = 0; i < u.length; i++) {
            u[i] = rnd.nextFloat();
        }
        for (int i = 0; i < w.length; i++) {
            w[i] = rnd.nextFloat() < 0.5 ? 0f : rnd.nextFloat() * 2;
        }
        float[] a = new float[n * k];
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < k; j++) {
                for (int c = 0; c < r; c++) {
                    a[i * k + j] += u[i * r + c] * w[c * k + j];
                }
            }
        }
        return a;
    }

    @Test
    void nmfErrorFallsAndRecoversAPlantedLowRankMatrix() {
        float[] a = planted(40, 12, 3, 11);
        Nmf.Result res = new Nmf(3, 1500, 0, 42).fit(a, 40, 12);
        double[] e = res.errors();
        for (int i = 1; i < e.length; i++) {
            assertTrue(e[i] <= e[i - 1] + 1e-6, "error rose at iteration " + i + ": " + e[i - 1] + " -> " + e[i]);
        }
        System.out.printf("NMF planted rank 3: error %.3g -> %.3g after %d iterations%n", e[0], res.error(), res.iterations());
        assertTrue(res.error() < 0.01, "relative error " + res.error());
        for (float v : res.u()) {
            assertTrue(v >= 0);
        }
        Nmf.Result again = new Nmf(3, 20, 0, 42).fit(a, 40, 12);
        Nmf.Result same = new Nmf(3, 20, 0, 42).fit(a, 40, 12);
        assertEquals(again.error(), same.error(), 0.0, "seeded fits repeat");
        Nmf.Result underfit = new Nmf(1, 300, 0, 42).fit(a, 40, 12);
        assertTrue(underfit.error() > 10 * res.error(), "rank 1 cannot hold a rank-3 matrix");
    }

    @Test
    void nmfCanBeCancelledAndRejectsNegativeValues() {
        float[] a = planted(10, 5, 2, 3);
        int[] calls = {0};
        assertThrows(CancellationException.class, () -> new Nmf(2, 100, 0, 1).fit(a, 10, 5, FitProgress.SILENT, () -> ++calls[0] > 3));
        assertThrows(IllegalArgumentException.class, () -> new Nmf(2, 10, 0, 1).fit(new float[] {1, -1}, 1, 2));
    }

    @Test
    void nnlsRecoversNonNegativeCoefficientsAndClipsNegativeOnes() {
        float[] w = {1, 0, 1, 0, 1, 1};
        float[] a = {2, 3, 5, 0, 0, 0, 1, -1, 0};
        float[] u = NonNegativeLeastSquares.defaults().solve(a, 3, w, 2, 3);
        assertEquals(2, u[0], 1e-4);
        assertEquals(3, u[1], 1e-4);
        assertEquals(0, u[2], 1e-6);
        assertEquals(0, u[3], 1e-6);
        assertTrue(u[4] >= 0 && u[5] >= 0);
        assertEquals(0, u[5], 1e-4, "x2 would be negative: clipped");
        assertEquals(0.5, u[4], 1e-4, "unconstrained (1, -1); with x2 = 0 the best x1 is a.w1 / w1.w1 = 1/2");
    }

    @Test
    void jansenTotalIndicesOfAnAdditiveFunction() {
        double[] st = SobolIndices.totalIndices(rows -> {
            double[] f = new double[rows.length];
            for (int i = 0; i < rows.length; i++) {
                f[i] = 2 * rows[i][0] + rows[i][1];
            }
            return f;
        }, 3, 1024);
        System.out.printf("Sobol total indices of 2*x1 + x2: %.4f %.4f %.4f%n", st[0], st[1], st[2]);
        assertEquals(0.8, st[0], 0.03);
        assertEquals(0.2, st[1], 0.03);
        assertEquals(0.0, st[2], 1e-12);
        double[] coarse = SobolIndices.totalIndices(rows -> {
            double[] f = new double[rows.length];
            for (int i = 0; i < rows.length; i++) {
                f[i] = 2 * rows[i][0] + rows[i][1];
            }
            return f;
        }, 3, 32);
        assertTrue(coarse[0] > coarse[1] && coarse[1] > coarse[2], java.util.Arrays.toString(coarse));
    }
}
