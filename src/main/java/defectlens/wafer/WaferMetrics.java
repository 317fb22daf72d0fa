package defectlens.wafer;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Classification metrics of predicted against true class indices: the confusion matrix (rows = true class,
 * columns = predicted), accuracy, per-class precision, recall, F1 and support, and the macro F1 (the
 * unweighted mean of the per-class F1 over the classes with support). A class never predicted has precision
 * 0 (as scikit-learn's {@code zero_division=0}).
 */
public final class WaferMetrics {
    private final List<String> classes;
    private final long[][] confusion;
    private final long total;

    private WaferMetrics(List<String> classes, long[][] confusion, long total) {
        this.classes = List.copyOf(classes);
        this.confusion = confusion;
        this.total = total;
    }

    /** Metrics of {@code predicted} against {@code truth} (class indices into {@code classes}). */
    public static WaferMetrics of(List<String> classes, int[] truth, int[] predicted) {
        if (truth.length != predicted.length) {
            throw new IllegalArgumentException(truth.length + " labels but " + predicted.length + " predictions");
        }
        int k = classes.size();
        long[][] m = new long[k][k];
        for (int i = 0; i < truth.length; i++) {
            if (truth[i] < 0 || truth[i] >= k || predicted[i] < 0 || predicted[i] >= k) {
                throw new IllegalArgumentException("class index outside 0.." + (k - 1) + " at " + i);
            }
            m[truth[i]][predicted[i]]++;
        }
        return new WaferMetrics(classes, m, truth.length);
    }

    public List<String> classes() {
        return classes;
    }

    public long count() {
        return total;
    }

    /** {@code confusion()[t][p]}: maps of true class t predicted as p (a copy). */
    public long[][] confusion() {
        long[][] copy = new long[confusion.length][];
        for (int i = 0; i < confusion.length; i++) {
            copy[i] = confusion[i].clone();
        }
        return copy;
    }

    public double accuracy() {
        long correct = 0;
        for (int i = 0; i < confusion.length; i++) {
            correct += confusion[i][i];
        }
        return total == 0 ? 0 : (double) correct / total;
    }

    public long support(int c) {
        long s = 0;
        for (long v : confusion[c]) {
            s += v;
        }
        return s;
    }

    public double precision(int c) {
        long predicted = 0;
        for (long[] row : confusion) {
            predicted += row[c];
        }
        return predicted == 0 ? 0 : (double) confusion[c][c] / predicted;
    }

    public double recall(int c) {
        long s = support(c);
        return s == 0 ? 0 : (double) confusion[c][c] / s;
    }

    public double f1(int c) {
        double p = precision(c);
        double r = recall(c);
        return p + r == 0 ? 0 : 2 * p * r / (p + r);
    }

    /** Mean F1 over the classes that occur in the truth. */
    public double macroF1() {
        double sum = 0;
        int n = 0;
        for (int c = 0; c < classes.size(); c++) {
            if (support(c) > 0) {
                sum += f1(c);
                n++;
            }
        }
        return n == 0 ? 0 : sum / n;
    }

    /** {@code {"Center": {"precision", "recall", "f1", "support"}, ...}} in class order. */
    public Map<String, Object> perClass() {
        Map<String, Object> out = new LinkedHashMap<>();
        for (int c = 0; c < classes.size(); c++) {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("precision", precision(c));
            m.put("recall", recall(c));
            m.put("f1", f1(c));
            m.put("support", support(c));
            out.put(classes.get(c), m);
        }
        return out;
    }

    /** The document {@code wafer evaluate --json} prints (n, accuracy, macro_f1, per_class, confusion). */
    public Map<String, Object> toJson() {
        Map<String, Object> doc = new LinkedHashMap<>();
        doc.put("n", total);
        doc.put("accuracy", accuracy());
        doc.put("macro_f1", macroF1());
        doc.put("per_class", perClass());
        Map<String, Object> conf = new LinkedHashMap<>();
        conf.put("labels", classes);
        conf.put("matrix", confusion());
        doc.put("confusion", conf);
        return doc;
    }
}
