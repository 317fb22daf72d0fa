package defectlens.study;

import java.util.Collection;
import java.util.List;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * Krippendorff's alpha for ordinal data (Krippendorff 2011, "Computing Krippendorff's alpha-reliability"):
 * {@code alpha = 1 - (n - 1) * sum_ck o_ck d_ck / sum_ck n_c n_k d_ck} over the coincidence matrix
 * {@code o}, with the ordinal distance {@code d_ck = (sum_{g=c..k} n_g - (n_c + n_k) / 2)^2}. Units
 * (here an (image, method, question) answered by several raters) with fewer than two values are not
 * pairable and are left out. Commons Math has no such statistic, so it is written here and checked
 * against an independent NumPy implementation.
 */
public final class KrippendorffAlpha {
    private KrippendorffAlpha() {
    }

    /** Alpha over units, each the values its raters gave; NaN when there is no pairable unit or no variation. */
    public static double ordinal(Collection<? extends List<Integer>> units) {
        TreeSet<Integer> valueSet = new TreeSet<>();
        for (List<Integer> u : units) {
            if (u.size() >= 2) {
                valueSet.addAll(u);
            }
        }
        if (valueSet.isEmpty()) {
            return Double.NaN;
        }
        Integer[] values = valueSet.toArray(new Integer[0]);
        TreeMap<Integer, Integer> index = new TreeMap<>();
        for (int i = 0; i < values.length; i++) {
            index.put(values[i], i);
        }
        int v = values.length;
        double[][] o = new double[v][v];
        for (List<Integer> u : units) {
            int m = u.size();
            if (m < 2) {
                continue;
            }
            for (int i = 0; i < m; i++) {
                for (int j = 0; j < m; j++) {
                    if (i != j) {
                        o[index.get(u.get(i))][index.get(u.get(j))] += 1.0 / (m - 1);
                    }
                }
            }
        }
        double[] nc = new double[v];
        double n = 0;
        for (int c = 0; c < v; c++) {
            for (int k = 0; k < v; k++) {
                nc[c] += o[c][k];
            }
            n += nc[c];
        }
        double observed = 0;
        double expected = 0;
        for (int c = 0; c < v; c++) {
            for (int k = 0; k < v; k++) {
                double d = distance(nc, c, k);
                observed += o[c][k] * d;
                expected += nc[c] * nc[k] * d;
            }
        }
        if (expected == 0) {
            return Double.NaN;
        }
        return 1.0 - (n - 1) * observed / expected;
    }

    private static double distance(double[] nc, int c, int k) {
        int lo = Math.min(c, k);
        int hi = Math.max(c, k);
        double s = 0;
        for (int g = lo; g <= hi; g++) {
            s += nc[g];
        }
        s -= (nc[c] + nc[k]) / 2.0;
        return s * s;
    }
}
