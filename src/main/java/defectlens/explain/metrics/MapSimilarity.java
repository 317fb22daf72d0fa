package defectlens.explain.metrics;

import java.util.Arrays;

/**
 * How alike two maps of the same size are: Pearson correlation, Spearman rank correlation and the
 * structural similarity index (SSIM, Wang et al. 2004, 7 x 7 uniform windows and data range 1 as
 * scikit-image's {@code structural_similarity} defaults), plus the area-average shrinking that brings
 * image-size maps down to a common grid before they are compared.
 */
public final class MapSimilarity {
    private static final int WINDOW = 7;
    private static final double C1 = 0.01 * 0.01;
    private static final double C2 = 0.03 * 0.03;

    private MapSimilarity() {
    }

    /** Pearson correlation; 0 when either map is constant. */
    public static double pearson(float[] a, float[] b) {
        same(a, b);
        double ma = mean(a);
        double mb = mean(b);
        double sab = 0;
        double saa = 0;
        double sbb = 0;
        for (int i = 0; i < a.length; i++) {
            double da = a[i] - ma;
            double db = b[i] - mb;
            sab += da * db;
            saa += da * da;
            sbb += db * db;
        }
        return saa > 0 && sbb > 0 ? sab / Math.sqrt(saa * sbb) : 0;
    }

    /** Spearman rank correlation (average ranks for ties); 0 when either map is constant. */
    public static double spearman(float[] a, float[] b) {
        same(a, b);
        return pearson(ranks(a), ranks(b));
    }

    static float[] ranks(float[] v) {
        Integer[] order = new Integer[v.length];
        Arrays.setAll(order, i -> i);
        Arrays.sort(order, (x, y) -> Float.compare(v[x], v[y]));
        float[] r = new float[v.length];
        int i = 0;
        while (i < v.length) {
            int j = i;
            while (j + 1 < v.length && v[order[j + 1]] == v[order[i]]) {
                j++;
            }
            float mid = (i + j) / 2f;
            for (int t = i; t <= j; t++) {
                r[order[t]] = mid;
            }
            i = j + 1;
        }
        return r;
    }

    /** Mean SSIM over every 7 x 7 window of two {@code (height, width)} maps in [0, 1]. */
    public static double ssim(float[] a, float[] b, int width, int height) {
        same(a, b);
        if (a.length != width * height) {
            throw new IllegalArgumentException("maps of " + a.length + " values are not " + width + "x" + height);
        }
        int win = Math.min(WINDOW, Math.min(width, height));
        int n = win * win;
        double cov = n > 1 ? n / (n - 1.0) : 1;
        double sum = 0;
        int windows = 0;
        for (int y = 0; y + win <= height; y++) {
            for (int x = 0; x + win <= width; x++) {
                double sa = 0;
                double sb = 0;
                double saa = 0;
                double sbb = 0;
                double sab = 0;
                for (int dy = 0; dy < win; dy++) {
                    int row = (y + dy) * width + x;
                    for (int dx = 0; dx < win; dx++) {
                        double va = a[row + dx];
                        double vb = b[row + dx];
                        sa += va;
                        sb += vb;
                        saa += va * va;
                        sbb += vb * vb;
                        sab += va * vb;
                    }
                }
                double ma = sa / n;
                double mb = sb / n;
                double vara = (saa / n - ma * ma) * cov;
                double varb = (sbb / n - mb * mb) * cov;
                double covab = (sab / n - ma * mb) * cov;
                sum += ((2 * ma * mb + C1) * (2 * covab + C2)) / ((ma * ma + mb * mb + C1) * (vara + varb + C2));
                windows++;
            }
        }
        return sum / windows;
    }

    /** A {@code (height, width)} map shrunk to {@code (side, side)} by area averaging (bilinear when enlarging). */
    public static float[] shrink(float[] map, int width, int height, int side) {
        if (width < side || height < side) {
            return defectlens.explain.MapResampling.bilinear(map, width, height, side, side);
        }
        float[] out = new float[side * side];
        int[] count = new int[side * side];
        for (int y = 0; y < height; y++) {
            int oy = (int) ((long) y * side / height);
            for (int x = 0; x < width; x++) {
                int o = oy * side + (int) ((long) x * side / width);
                out[o] += map[y * width + x];
                count[o]++;
            }
        }
        for (int i = 0; i < out.length; i++) {
            out[i] /= Math.max(1, count[i]);
        }
        return out;
    }

    private static double mean(float[] v) {
        double s = 0;
        for (float x : v) {
            s += x;
        }
        return s / v.length;
    }

    private static void same(float[] a, float[] b) {
        if (a.length != b.length || a.length == 0) {
            throw new IllegalArgumentException("maps of " + a.length + " and " + b.length + " values");
        }
    }
}
