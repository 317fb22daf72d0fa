package defectlens.review;

import defectlens.model.ClassificationMetrics;
import java.util.function.IntFunction;

/**
 * The confusion matrix of a review: for every classified item with a known truth - the reviewers' class where
 * they decided one, else its label - truth against prediction over the label classes (the model's classes first,
 * then any other class of the data), with per-class precision, recall and F1. Built from int arrays, so it is as
 * cheap for 811,457 wafer rows as for a few hundred images.
 */
public final class ReviewConfusion {
    private ReviewConfusion() {
    }

    /** The matrix with the labels as truth. */
    public static ClassificationMetrics of(PredictionTable table) {
        return of(table, table::labelName);
    }

    /** The matrix with {@code truth} (a class name or null) as each item's truth. */
    public static ClassificationMetrics of(PredictionTable table, IntFunction<String> truth) {
        int n = table.size();
        int[] predicted = table.predictions();
        java.util.Map<String, Integer> index = new java.util.HashMap<>();
        for (int c = 0; c < table.labelClasses().size(); c++) {
            index.put(table.labelClasses().get(c), c);
        }
        int[] t = new int[n];
        int[] p = new int[n];
        int m = 0;
        for (int i = 0; i < n; i++) {
            String name = truth.apply(i);
            Integer ti = name == null ? null : index.get(name);
            if (predicted[i] >= 0 && ti != null) {
                t[m] = ti;
                p[m] = predicted[i]; // the model's classes open the label classes, so the index is the same
                m++;
            }
        }
        return ClassificationMetrics.of(table.labelClasses(), java.util.Arrays.copyOf(t, m),
                java.util.Arrays.copyOf(p, m));
    }
}
