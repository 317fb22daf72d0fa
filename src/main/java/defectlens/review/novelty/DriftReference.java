package defectlens.review.novelty;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What a data set is compared with in the drift view, kept in the novelty fit: the share of each class among the
 * model's training items, and per novelty score a sorted sample of at most {@value #KEPT} scores of held-out items
 * of the model's classes (their distribution, from which the fit's thresholds were chosen).
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record DriftReference(Map<String, Double> trainingClassShares, Map<NoveltyScore, List<Double>> heldOutKnown) {
    /** Most held-out scores kept per score. */
    public static final int KEPT = 1000;

    /**
     * The reference of held-out scores {@code scores[score][row]} whose truth is {@code truth} (false = known) and
     * of the training labels {@code trainingLabels} (indices into {@code classes}).
     */
    public static DriftReference of(double[][] scores, Boolean[] truth, int[] trainingLabels, List<String> classes) {
        Map<String, Double> shares = new LinkedHashMap<>();
        int[] counts = new int[classes.size()];
        for (int c : trainingLabels) {
            counts[c]++;
        }
        for (int c = 0; c < classes.size(); c++) {
            shares.put(classes.get(c), trainingLabels.length == 0 ? 0 : counts[c] / (double) trainingLabels.length);
        }
        Map<NoveltyScore, List<Double>> known = new EnumMap<>(NoveltyScore.class);
        for (NoveltyScore s : NoveltyScore.values()) {
            double[] v = new double[truth.length];
            int n = 0;
            for (int i = 0; i < truth.length; i++) {
                if (Boolean.FALSE.equals(truth[i]) && !Double.isNaN(scores[s.ordinal()][i])) {
                    v[n++] = scores[s.ordinal()][i];
                }
            }
            double[] sorted = Arrays.copyOf(v, n);
            Arrays.sort(sorted);
            List<Double> kept = new ArrayList<>();
            int m = Math.min(KEPT, n);
            for (int k = 0; k < m; k++) {
                kept.add(sorted[(int) ((long) k * n / m)]); // evenly spaced order statistics
            }
            known.put(s, kept);
        }
        return new DriftReference(shares, known);
    }
}
