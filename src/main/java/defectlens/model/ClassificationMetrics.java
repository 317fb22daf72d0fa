package defectlens.model;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Scores of a single-label classifier on labelled images: the confusion matrix (rows = true class,
 * columns = predicted class), per-class precision, recall, F1 and support, accuracy, macro F1 (mean
 * over the classes that occur as truth or prediction, as scikit-learn averages) and micro F1. A
 * precision or recall with a zero denominator counts as 0.
 */
public final class ClassificationMetrics {
    private final List<String> labels;
    private final int[][] confusion;
    private final List<ClassScore> perClass;
    private final double accuracy;
    private final double macroF1;
    private final double microF1;
    private final int total;

    private ClassificationMetrics(List<String> labels, int[][] confusion) {
        this.labels = List.copyOf(labels);
        this.confusion = confusion;
        int k = labels.size();
        int n = 0;
        int correct = 0;
        int[] rowSum = new int[k];
        int[] colSum = new int[k];
        for (int t = 0; t < k; t++) {
            for (int p = 0; p < k; p++) {
                n += confusion[t][p];
                rowSum[t] += confusion[t][p];
                colSum[p] += confusion[t][p];
            }
            correct += confusion[t][t];
        }
        List<ClassScore> scores = new ArrayList<>();
        double f1Sum = 0;
        int present = 0;
        for (int c = 0; c < k; c++) {
            double precision = colSum[c] == 0 ? 0 : confusion[c][c] / (double) colSum[c];
            double recall = rowSum[c] == 0 ? 0 : confusion[c][c] / (double) rowSum[c];
            double f1 = precision + recall == 0 ? 0 : 2 * precision * recall / (precision + recall);
            scores.add(new ClassScore(labels.get(c), precision, recall, f1, rowSum[c]));
            if (rowSum[c] > 0 || colSum[c] > 0) {
                f1Sum += f1;
                present++;
            }
        }
        this.perClass = List.copyOf(scores);
        this.total = n;
        this.accuracy = n == 0 ? 0 : correct / (double) n;
        this.macroF1 = present == 0 ? 0 : f1Sum / present;
        // single-label: micro precision = micro recall = accuracy
        this.microF1 = accuracy;
    }

    /** Metrics from class indices (into {@code labels}) of truths and predictions. */
    public static ClassificationMetrics of(List<String> labels, int[] truth, int[] predicted) {
        if (truth.length != predicted.length) {
            throw new IllegalArgumentException("truth and predictions differ in length");
        }
        int k = labels.size();
        int[][] m = new int[k][k];
        for (int i = 0; i < truth.length; i++) {
            m[truth[i]][predicted[i]]++;
        }
        return new ClassificationMetrics(labels, m);
    }

    public List<String> labels() {
        return labels;
    }

    /** Row = true class, column = predicted class (a copy). */
    public int[][] confusion() {
        int[][] copy = new int[confusion.length][];
        for (int i = 0; i < confusion.length; i++) {
            copy[i] = confusion[i].clone();
        }
        return copy;
    }

    public List<ClassScore> perClass() {
        return perClass;
    }

    public double accuracy() {
        return accuracy;
    }

    public double macroF1() {
        return macroF1;
    }

    public double microF1() {
        return microF1;
    }

    public int total() {
        return total;
    }

    /** A JSON-ready map: accuracy, macro_f1, micro_f1, per_class {...}, confusion {labels, matrix}. */
    public Map<String, Object> toMap() {
        Map<String, Object> root = new LinkedHashMap<>();
        root.put("images", total);
        root.put("accuracy", accuracy);
        root.put("macro_f1", macroF1);
        root.put("micro_f1", microF1);
        Map<String, Object> classes = new LinkedHashMap<>();
        for (ClassScore s : perClass) {
            Map<String, Object> c = new LinkedHashMap<>();
            c.put("precision", s.precision());
            c.put("recall", s.recall());
            c.put("f1", s.f1());
            c.put("support", s.support());
            classes.put(s.label(), c);
        }
        root.put("per_class", classes);
        Map<String, Object> conf = new LinkedHashMap<>();
        conf.put("labels", labels);
        conf.put("matrix", confusion());
        root.put("confusion", conf);
        return root;
    }
}
