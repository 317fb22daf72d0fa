package defectlens.explain.craft;

import java.util.function.Function;
import org.apache.commons.math3.random.SobolSequenceGenerator;

/**
 * Total Sobol indices by the Jansen estimator over a quasi-random (Sobol sequence) design, as CRAFT
 * ranks concepts. Two matrices {@code A} and {@code B} of {@code n} points in {@code [0,1]^d} come
 * from one {@code 2d}-dimensional Sobol sequence; {@code C_i} is {@code A} with column {@code i}
 * taken from {@code B}. With {@code V} the variance of {@code f} over the rows of A and B,
 * {@code ST_i = mean((f(A) - f(C_i))^2) / (2 V)}.
 */
public final class SobolIndices {
    private SobolIndices() {
    }

    /**
     * The design: {@code n * (d + 2)} rows, first {@code A}, then {@code B}, then {@code C_1..C_d}.
     * The sequence's first point (all zeros) is skipped.
     */
    public static double[][] design(int n, int d) {
        if (n < 2 || d < 1 || 2 * d > 1000) {
            throw new IllegalArgumentException("need n >= 2 designs and 1..500 dimensions, got n=" + n + ", d=" + d);
        }
        SobolSequenceGenerator gen = new SobolSequenceGenerator(2 * d);
        gen.skipTo(1);
        double[][] a = new double[n][];
        double[][] b = new double[n][];
        for (int j = 0; j < n; j++) {
            double[] p = gen.nextVector();
            a[j] = java.util.Arrays.copyOfRange(p, 0, d);
            b[j] = java.util.Arrays.copyOfRange(p, d, 2 * d);
        }
        double[][] rows = new double[n * (d + 2)][];
        for (int j = 0; j < n; j++) {
            rows[j] = a[j];
            rows[n + j] = b[j];
        }
        for (int i = 0; i < d; i++) {
            for (int j = 0; j < n; j++) {
                double[] c = a[j].clone();
                c[i] = b[j][i];
                rows[(2 + i) * n + j] = c;
            }
        }
        return rows;
    }

    /** Jansen total indices from the outputs {@code f} on the rows of {@link #design(int, int)}. */
    public static double[] jansenTotal(double[] f, int n, int d) {
        if (f.length != n * (d + 2)) {
            throw new IllegalArgumentException("expected " + n * (d + 2) + " outputs, got " + f.length);
        }
        double mean = 0;
        for (int j = 0; j < 2 * n; j++) {
            mean += f[j];
        }
        mean /= 2 * n;
        double var = 0;
        for (int j = 0; j < 2 * n; j++) {
            var += (f[j] - mean) * (f[j] - mean);
        }
        var /= 2 * n - 1;
        double[] st = new double[d];
        if (var <= 0) {
            return st;
        }
        for (int i = 0; i < d; i++) {
            double s = 0;
            for (int j = 0; j < n; j++) {
                double diff = f[j] - f[(2 + i) * n + j];
                s += diff * diff;
            }
            st[i] = s / n / (2 * var);
        }
        return st;
    }

    /** Total indices of {@code f}, which maps a batch of points (rows) to one output each. */
    public static double[] totalIndices(Function<double[][], double[]> f, int d, int n) {
        return jansenTotal(f.apply(design(n, d)), n, d);
    }
}
