package defectlens.review.novelty;

import defectlens.core.DefectLensException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * How a data set compares with what a model was trained on: the distribution of its novelty scores against the
 * held-out scores of the model's own classes (one histogram over shared bins, as shares of each side), the share
 * above the fit's threshold on both sides, and the share of each predicted class against the class shares of the
 * training data.
 *
 * @param edges bin edges, one more than the bins
 */
public record NoveltyDrift(NoveltyScore score, double threshold, double[] edges, double[] dataShares,
        double[] referenceShares, int dataItems, int referenceItems, double dataAbove, double referenceAbove,
        List<String> classes, double[] predictedShares, double[] trainingShares) {
    /** Histogram bins. */
    public static final int BINS = 30;

    /**
     * The drift of items with novelty {@code scores} (NaN: not scored) and predicted classes {@code predicted}
     * (-1: none) against the fit described by {@code info}; an error naming {@code fitFile} when the fit keeps no
     * reference.
     */
    public static NoveltyDrift of(float[] scores, int[] predicted, NoveltyInfo info, java.nio.file.Path fitFile) {
        DriftReference ref = info.reference();
        NoveltyScore s = info.chosen();
        if (ref == null || ref.heldOutKnown() == null || ref.heldOutKnown().get(s) == null
                || ref.heldOutKnown().get(s).isEmpty()) {
            throw new DefectLensException(fitFile, "the novelty fit keeps no reference scores to compare with: run "
                    + "'review novelty --heldout --keep-reference --model M --data <its training file>' once");
        }
        double threshold = info.thresholds().get(s);
        List<Double> known = ref.heldOutKnown().get(s);
        List<Double> mine = new ArrayList<>();
        for (float v : scores) {
            if (!Float.isNaN(v)) {
                mine.add((double) v);
            }
        }
        double lo = Math.min(min(known), min(mine));
        double hi = Math.max(max(known), max(mine));
        if (!(hi > lo)) {
            hi = lo + 1;
        }
        double[] edges = new double[BINS + 1];
        for (int b = 0; b <= BINS; b++) {
            edges[b] = lo + (hi - lo) * b / BINS;
        }
        List<String> classes = info.classes();
        double[] predictedShares = new double[classes.size()];
        int withPrediction = 0;
        for (int p : predicted) {
            if (p >= 0) {
                predictedShares[p]++;
                withPrediction++;
            }
        }
        double[] trainingShares = new double[classes.size()];
        for (int c = 0; c < classes.size(); c++) {
            predictedShares[c] = withPrediction == 0 ? 0 : predictedShares[c] / withPrediction;
            Double t = ref.trainingClassShares() == null ? null : ref.trainingClassShares().get(classes.get(c));
            trainingShares[c] = t == null ? Double.NaN : t;
        }
        return new NoveltyDrift(s, threshold, edges, shares(mine, edges), shares(known, edges), mine.size(),
                known.size(), above(mine, threshold), above(known, threshold), classes, predictedShares,
                trainingShares);
    }

    private static double[] shares(List<Double> values, double[] edges) {
        double[] h = new double[edges.length - 1];
        double width = edges[edges.length - 1] - edges[0];
        for (double v : values) {
            int b = (int) Math.floor((v - edges[0]) / width * h.length);
            h[Math.max(0, Math.min(h.length - 1, b))]++;
        }
        for (int b = 0; b < h.length; b++) {
            h[b] = values.isEmpty() ? 0 : h[b] / values.size();
        }
        return h;
    }

    private static double above(List<Double> values, double threshold) {
        return values.isEmpty() ? Double.NaN : values.stream().filter(v -> v > threshold).count()
                / (double) values.size();
    }

    private static double min(List<Double> v) {
        return v.stream().mapToDouble(Double::doubleValue).min().orElse(Double.POSITIVE_INFINITY);
    }

    private static double max(List<Double> v) {
        return v.stream().mapToDouble(Double::doubleValue).max().orElse(Double.NEGATIVE_INFINITY);
    }

    /**
     * The drift as CSV: {@code part,from,to,data_share,reference_share} rows, first the score bins
     * ({@code part = score}), then one row per class ({@code part = class}, its name in {@code from}).
     */
    public String csv() {
        StringBuilder b = new StringBuilder("part,from,to,data_share,reference_share\n");
        for (int k = 0; k < dataShares.length; k++) {
            b.append(String.format(Locale.ROOT, "%s,%.6g,%.6g,%.6f,%.6f%n", score.cliName(), edges[k], edges[k + 1],
                    dataShares[k], referenceShares[k]));
        }
        for (int c = 0; c < classes.size(); c++) {
            b.append(String.format(Locale.ROOT, "class,%s,,%.6f,%.6f%n", classes.get(c), predictedShares[c],
                    trainingShares[c]));
        }
        return b.toString();
    }
}
