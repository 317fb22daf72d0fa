package defectlens.wafer.features;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Resamples a profile of {@code n} values (at {@code x = 1 .. n}) to {@code points} values evenly spaced from the
 * first to the last position with the cubic interpolating spline with not-a-knot ends - SciPy's
 * {@code interp1d(x, y, kind="cubic")} evaluated at {@code linspace(1, n, points)}.
 *
 * <p>The spline is linear in the data, so the resampling is one {@code points x n} matrix per {@code n}, computed
 * once (from the second-derivative equations of the spline with unit spacing) and shared by all threads.
 */
public final class SplineResampler {
    private static final Map<Long, double[][]> CACHE = new ConcurrentHashMap<>();

    private SplineResampler() {
    }

    /** The resampled profile; {@code profile.length >= 4}. */
    public static double[] resample(double[] profile, int points) {
        int n = profile.length;
        double[][] weights = CACHE.computeIfAbsent(((long) n << 32) | points, key -> matrix(n, points));
        double[] out = new double[points];
        for (int p = 0; p < points; p++) {
            double[] row = weights[p];
            double s = 0;
            for (int i = 0; i < n; i++) {
                s += row[i] * profile[i];
            }
            out[p] = s;
        }
        return out;
    }

    /** Rows of weights: output point {@code p} is {@code sum_i m[p][i] y[i]}. */
    static double[][] matrix(int n, int points) {
        if (n < 4) {
            throw new IllegalArgumentException("a not-a-knot cubic spline needs at least 4 points, not " + n);
        }
        double[][] g = secondDerivativeOperator(n);
        double[][] out = new double[points][n];
        double step = (double) (n - 1) / (points - 1);
        for (int p = 0; p < points; p++) {
            double x = p == points - 1 ? n : 1 + p * step;
            int k = Math.min(n - 2, Math.max(0, (int) Math.floor(x - 1)));
            double u = x - (1 + k);
            double v = 1 - u;
            double[] row = out[p];
            double a = (v * v * v - v) / 6;
            double b = (u * u * u - u) / 6;
            for (int i = 0; i < n; i++) {
                row[i] = a * g[k][i] + b * g[k + 1][i];
            }
            row[k] += v;
            row[k + 1] += u;
        }
        return out;
    }

    /**
     * The matrix {@code G} with second derivatives {@code M = G y}: rows {@code 1 .. n-2} are
     * {@code M[i-1] + 4 M[i] + M[i+1] = 6 (y[i-1] - 2 y[i] + y[i+1])}, the first and last rows the not-a-knot
     * conditions {@code M[0] - 2 M[1] + M[2] = 0} and {@code M[n-3] - 2 M[n-2] + M[n-1] = 0}; solved by
     * Gaussian elimination with partial pivoting.
     */
    private static double[][] secondDerivativeOperator(int n) {
        double[][] a = new double[n][2 * n];
        a[0][0] = 1;
        a[0][1] = -2;
        a[0][2] = 1;
        a[n - 1][n - 3] = 1;
        a[n - 1][n - 2] = -2;
        a[n - 1][n - 1] = 1;
        for (int i = 1; i < n - 1; i++) {
            a[i][i - 1] = 1;
            a[i][i] = 4;
            a[i][i + 1] = 1;
            a[i][n + i - 1] = 6;
            a[i][n + i] = -12;
            a[i][n + i + 1] = 6;
        }
        for (int col = 0; col < n; col++) {
            int pivot = col;
            for (int r = col + 1; r < n; r++) {
                if (Math.abs(a[r][col]) > Math.abs(a[pivot][col])) {
                    pivot = r;
                }
            }
            double[] t = a[col];
            a[col] = a[pivot];
            a[pivot] = t;
            double d = a[col][col];
            for (int c = col; c < 2 * n; c++) {
                a[col][c] /= d;
            }
            for (int r = 0; r < n; r++) {
                double f = a[r][col];
                if (r != col && f != 0) {
                    for (int c = col; c < 2 * n; c++) {
                        a[r][c] -= f * a[col][c];
                    }
                }
            }
        }
        double[][] g = new double[n][n];
        for (int i = 0; i < n; i++) {
            System.arraycopy(a[i], n, g[i], 0, n);
        }
        return g;
    }
}
