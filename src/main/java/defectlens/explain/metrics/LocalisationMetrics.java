package defectlens.explain.metrics;

import defectlens.image.BinaryMask;
import java.util.Arrays;

/**
 * Localisation of a heatmap against a defect mask as Quantus measures it (Hedström et al., JMLR 2023),
 * on a non-negative map of the mask's size, row by row:
 * <ul>
 * <li>relevance mass accuracy (Arras et al. 2022): the share of the map's total relevance inside the mask;</li>
 * <li>relevance rank accuracy (Arras et al. 2022): of the K most relevant pixels, K the mask's size, the share
 * inside the mask;</li>
 * <li>top-k intersection (Theiner et al. 2021): of the k most relevant pixels, the share inside the mask;</li>
 * <li>AUC: the area under the ROC curve of the map's values as scores for the mask's pixels (ties count half).</li>
 * </ul>
 * A map of the wrong size is refused; a map with no relevance scores 0 (mass) and 0.5 (AUC).
 */
public final class LocalisationMetrics {
    /** Quantus's default k of the top-k intersection. */
    public static final int DEFAULT_TOP_K = 1000;

    private LocalisationMetrics() {
    }

    private static void check(float[] map, BinaryMask mask) {
        if (map.length != mask.width() * mask.height()) {
            throw new IllegalArgumentException("map of " + map.length + " values does not fit a " + mask.width() + "x"
                    + mask.height() + " mask");
        }
    }

    private static boolean in(BinaryMask mask, int i) {
        return mask.get(i % mask.width(), i / mask.width());
    }

    /** Share of the map's (positive) relevance that falls inside the mask. */
    public static double relevanceMassAccuracy(float[] map, BinaryMask mask) {
        check(map, mask);
        double inside = 0;
        double total = 0;
        for (int i = 0; i < map.length; i++) {
            double v = Math.max(0, map[i]);
            total += v;
            if (in(mask, i)) {
                inside += v;
            }
        }
        return total > 0 ? inside / total : 0;
    }

    /** Of the {@code |mask|} most relevant pixels, the share inside the mask; NaN for an empty mask. */
    public static double relevanceRankAccuracy(float[] map, BinaryMask mask) {
        check(map, mask);
        int k = 0;
        for (int i = 0; i < map.length; i++) {
            k += in(mask, i) ? 1 : 0;
        }
        return k == 0 ? Double.NaN : topShareInside(map, mask, k);
    }

    /** Of the {@code k} most relevant pixels (at most all), the share inside the mask. */
    public static double topKIntersection(float[] map, BinaryMask mask, int k) {
        check(map, mask);
        if (k < 1) {
            throw new IllegalArgumentException("top-k needs k >= 1: " + k);
        }
        return topShareInside(map, mask, Math.min(k, map.length));
    }

    private static double topShareInside(float[] map, BinaryMask mask, int k) {
        Integer[] order = new Integer[map.length];
        Arrays.setAll(order, i -> i);
        Arrays.sort(order, (a, b) -> Float.compare(map[b], map[a]));
        int hit = 0;
        for (int j = 0; j < k; j++) {
            hit += in(mask, order[j]) ? 1 : 0;
        }
        return hit / (double) k;
    }

    /** ROC AUC of the map's values against the mask (Mann-Whitney U, ties half); NaN when one side is empty. */
    public static double auc(float[] map, BinaryMask mask) {
        check(map, mask);
        int n = map.length;
        Integer[] order = new Integer[n];
        Arrays.setAll(order, i -> i);
        Arrays.sort(order, (a, b) -> Float.compare(map[a], map[b]));
        double rankSumPositive = 0;
        long positives = 0;
        int i = 0;
        while (i < n) {
            int j = i;
            while (j + 1 < n && map[order[j + 1]] == map[order[i]]) {
                j++;
            }
            double midRank = (i + j) / 2.0 + 1;
            for (int t = i; t <= j; t++) {
                if (in(mask, order[t])) {
                    rankSumPositive += midRank;
                    positives++;
                }
            }
            i = j + 1;
        }
        long negatives = n - positives;
        if (positives == 0 || negatives == 0) {
            return Double.NaN;
        }
        return (rankSumPositive - positives * (positives + 1) / 2.0) / ((double) positives * negatives);
    }
}
