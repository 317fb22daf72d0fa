package defectlens.study;

import com.fasterxml.jackson.databind.annotation.JsonSerialize;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.apache.commons.math3.stat.inference.WilcoxonSignedRankTest;

/**
 * A paired Wilcoxon signed-rank test of two methods on one question (Commons Math
 * {@link WilcoxonSignedRankTest}). Pairs are the ratings of the same rater for the same image.
 * Pairs with equal values carry no sign and are dropped before the test (Wilcoxon's original
 * treatment, scipy's {@code zero_method="wilcox"}); {@code n} counts the rest. The p-value is exact
 * (two-sided) when n <= 30 and the absolute differences have no ties, else Commons Math's normal
 * approximation, which makes no correction for ties ({@code exact} tells which).
 */
public record PairedComparison(String question, String methodA, String methodB, int pairs, int zeroDifferences,
        int n,
        @JsonSerialize(using = NanAsNull.class) double meanDifference,
        @JsonSerialize(using = NanAsNull.class) double statistic,
        @JsonSerialize(using = NanAsNull.class) double pValue,
        boolean exact) {

    public static PairedComparison of(String question, String methodA, String methodB, List<Rating> ratingsA,
            List<Rating> ratingsB) {
        Map<String, Integer> a = byRaterImage(ratingsA);
        Map<String, Integer> b = byRaterImage(ratingsB);
        List<double[]> pairs = new ArrayList<>();
        for (Map.Entry<String, Integer> e : a.entrySet()) {
            Integer vb = b.get(e.getKey());
            if (vb != null) {
                pairs.add(new double[] {e.getValue(), vb});
            }
        }
        double sumDiff = 0;
        List<double[]> nonZero = new ArrayList<>();
        for (double[] p : pairs) {
            sumDiff += p[0] - p[1];
            if (p[0] != p[1]) {
                nonZero.add(p);
            }
        }
        double meanDiff = pairs.isEmpty() ? Double.NaN : sumDiff / pairs.size();
        int n = nonZero.size();
        if (n == 0) {
            return new PairedComparison(question, methodA, methodB, pairs.size(), pairs.size(), 0, meanDiff,
                    Double.NaN, pairs.isEmpty() ? Double.NaN : 1.0, false);
        }
        double[] x = new double[n];
        double[] y = new double[n];
        for (int i = 0; i < n; i++) {
            x[i] = nonZero.get(i)[0];
            y[i] = nonZero.get(i)[1];
        }
        WilcoxonSignedRankTest test = new WilcoxonSignedRankTest();
        double wMax = test.wilcoxonSignedRank(x, y);
        double wMin = n * (n + 1) / 2.0 - wMax;
        boolean exact = n <= 30 && !hasTiedAbsoluteDifferences(x, y);
        double p = test.wilcoxonSignedRankTest(x, y, exact);
        return new PairedComparison(question, methodA, methodB, pairs.size(), pairs.size() - n, n, meanDiff, wMin,
                Math.min(1.0, p), exact);
    }

    private static Map<String, Integer> byRaterImage(List<Rating> ratings) {
        Map<String, Integer> m = new TreeMap<>();
        for (Rating r : ratings) {
            m.put(r.rater() + "\u0000" + r.imageId(), r.value());
        }
        return m;
    }

    private static boolean hasTiedAbsoluteDifferences(double[] x, double[] y) {
        java.util.Set<Double> seen = new java.util.HashSet<>();
        for (int i = 0; i < x.length; i++) {
            if (!seen.add(Math.abs(x[i] - y[i]))) {
                return true;
            }
        }
        return false;
    }
}
