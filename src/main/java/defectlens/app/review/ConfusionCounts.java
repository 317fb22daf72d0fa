package defectlens.app.review;

import defectlens.model.ClassificationMetrics;
import java.util.Arrays;
import java.util.List;
import java.util.function.IntUnaryOperator;

/**
 * The confusion matrix of a model on the items of a data set (rows = true class, columns = predicted class,
 * both as indices into the model's classes) with the per-class precision, recall and F1 of
 * {@link ClassificationMetrics}. Made from two functions of the item number, not from objects per item, so
 * 811,457 wafer maps cost two int arrays. Items without a prediction or without a true class among the model's
 * classes (unlabelled maps, {@code none} under a 7-class model) are counted as left out.
 */
public final class ConfusionCounts {
    private final List<String> classes;
    private final int[][] counts;
    private final int[] rowSums;
    private final ClassificationMetrics metrics;
    private final int leftOut;

    private ConfusionCounts(List<String> classes, int[][] counts, ClassificationMetrics metrics, int leftOut) {
        this.classes = List.copyOf(classes);
        this.counts = counts;
        this.metrics = metrics;
        this.leftOut = leftOut;
        this.rowSums = new int[counts.length];
        for (int t = 0; t < counts.length; t++) {
            rowSums[t] = Arrays.stream(counts[t]).sum();
        }
    }

    /**
     * Counts items {@code 0..size-1}: {@code truth} and {@code predicted} give an item's class index into
     * {@code classes}, or -1 when it has none (such items are left out).
     */
    public static ConfusionCounts of(List<String> classes, int size, IntUnaryOperator truth,
            IntUnaryOperator predicted) {
        int k = classes.size();
        int[] t = new int[size];
        int[] p = new int[size];
        int n = 0;
        for (int i = 0; i < size; i++) {
            int ti = truth.applyAsInt(i);
            int pi = predicted.applyAsInt(i);
            if (ti >= 0 && ti < k && pi >= 0 && pi < k) {
                t[n] = ti;
                p[n] = pi;
                n++;
            }
        }
        ClassificationMetrics m = ClassificationMetrics.of(classes, Arrays.copyOf(t, n), Arrays.copyOf(p, n));
        return new ConfusionCounts(classes, m.confusion(), m, size - n);
    }

    /** Counts already made (a review's {@code ReviewConfusion}), with the number of items left out of them. */
    public static ConfusionCounts of(ClassificationMetrics metrics, int leftOut) {
        return new ConfusionCounts(metrics.labels(), metrics.confusion(), metrics, leftOut);
    }

    /** The items of one cell, in item order (the queue a click on the cell fills). */
    public static int[] itemsIn(int size, IntUnaryOperator truth, IntUnaryOperator predicted, int trueClass,
            int predictedClass) {
        int[] out = new int[size];
        int n = 0;
        for (int i = 0; i < size; i++) {
            if (truth.applyAsInt(i) == trueClass && predicted.applyAsInt(i) == predictedClass) {
                out[n++] = i;
            }
        }
        return Arrays.copyOf(out, n);
    }

    public List<String> classes() {
        return classes;
    }

    /** Items with true class {@code truth} predicted as {@code predicted}. */
    public int count(int truth, int predicted) {
        return counts[truth][predicted];
    }

    /** The share of the true class's items in this cell (0 for a class with no items): the cell's colour. */
    public double rowShare(int truth, int predicted) {
        return rowSums[truth] == 0 ? 0 : counts[truth][predicted] / (double) rowSums[truth];
    }

    /** Items counted (labelled and classified). */
    public int counted() {
        return metrics.total();
    }

    /** Items left out: no prediction yet, or no true class among the model's classes. */
    public int leftOut() {
        return leftOut;
    }

    /** Precision, recall, F1 and support per class; accuracy and macro F1. */
    public ClassificationMetrics metrics() {
        return metrics;
    }
}
