package defectlens.review.novelty;

import java.util.Arrays;

/**
 * The area under the ROC curve of a score that should be higher for positives: the probability that a random
 * positive scores above a random negative, ties counting one half (the Mann-Whitney U statistic over both counts).
 */
public final class Auroc {
    private Auroc() {
    }

    /** The AUROC of {@code scores} for {@code positive}; NaN when either side is empty. NaN scores are left out. */
    public static double of(double[] scores, boolean[] positive) {
        if (scores.length != positive.length) {
            throw new IllegalArgumentException(scores.length + " scores for " + positive.length + " labels");
        }
        Integer[] order = new Integer[scores.length];
        int n = 0;
        for (int i = 0; i < scores.length; i++) {
            if (!Double.isNaN(scores[i])) {
                order[n++] = i;
            }
        }
        Integer[] kept = Arrays.copyOf(order, n);
        Arrays.sort(kept, (a, b) -> Double.compare(scores[a], scores[b]));
        double rankSum = 0;
        long positives = 0;
        for (int start = 0; start < n; ) {
            int end = start;
            while (end < n && scores[kept[end]] == scores[kept[start]]) {
                end++;
            }
            double rank = (start + 1 + end) / 2.0; // mean 1-based rank of the tied run
            for (int k = start; k < end; k++) {
                if (positive[kept[k]]) {
                    rankSum += rank;
                    positives++;
                }
            }
            start = end;
        }
        long negatives = n - positives;
        if (positives == 0 || negatives == 0) {
            return Double.NaN;
        }
        return (rankSum - positives * (positives + 1) / 2.0) / ((double) positives * negatives);
    }
}
