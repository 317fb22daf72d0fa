package defectlens.review;

import defectlens.model.ClassProbability;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * A model's class probabilities for every item of a data set, plus each item's label: one float row per item
 * (NaN while the item is not classified yet) in a flat array, so 811,457 wafer maps of 9 classes cost 29 MB and
 * no object per item. Items are numbered in data-set order; SEM items carry their sample ids, wafer items are
 * their row numbers. Rows are filled through {@link #setRow} only (thread-safe for one writer and readers that
 * tolerate a row arriving while they look).
 */
public final class PredictionTable {
    private final List<String> classes;
    private final List<String> labelClasses;
    private final String[] ids;
    private final int size;
    private final float[] probabilities;
    private final int[] labels;
    private final int[] predicted;
    private int done;

    /**
     * An empty table (nothing classified yet).
     *
     * @param classes the model's classes in output order
     * @param labelClasses the names the labels index into
     * @param ids the item ids, or null for wafer rows (the id of item i is then {@code "i"})
     * @param labels for each item an index into {@code labelClasses}, -1 when unlabelled
     */
    public PredictionTable(List<String> classes, List<String> labelClasses, String[] ids, int[] labels) {
        this.classes = List.copyOf(classes);
        this.labelClasses = List.copyOf(labelClasses);
        this.ids = ids == null ? null : ids.clone();
        this.size = labels.length;
        if (ids != null && ids.length != size) {
            throw new IllegalArgumentException(ids.length + " ids for " + size + " items");
        }
        for (int l : labels) {
            if (l < -1 || l >= labelClasses.size()) {
                throw new IllegalArgumentException("label index " + l + " outside the " + labelClasses.size() + " classes");
            }
        }
        this.labels = labels.clone();
        this.probabilities = new float[Math.multiplyExact(size, Math.max(1, classes.size()))];
        Arrays.fill(probabilities, Float.NaN);
        this.predicted = new int[size];
        Arrays.fill(predicted, -1);
    }

    /**
     * A table with the given probability rows (NaN rows = not classified), as the cache reads it back. A row with
     * a NaN after its first value or a negative value is refused.
     */
    static PredictionTable of(List<String> classes, List<String> labelClasses, String[] ids, int[] labels,
            float[] rows) {
        PredictionTable t = new PredictionTable(classes, labelClasses, ids, labels);
        if (rows.length != t.probabilities.length) {
            throw new IllegalArgumentException(rows.length + " probabilities for " + t.size + " x " + classes.size());
        }
        int c = classes.size();
        synchronized (t) {
            for (int i = 0, at = 0; i < t.size; i++, at += c) {
                if (Float.isNaN(rows[at])) {
                    continue;
                }
                int best = 0;
                for (int j = 0; j < c; j++) {
                    float v = rows[at + j];
                    if (!(v >= 0)) {
                        throw new IllegalArgumentException("probability " + v + " of item " + i);
                    }
                    if (v > rows[at + best]) {
                        best = j;
                    }
                }
                t.predicted[i] = best;
                t.done++;
            }
            System.arraycopy(rows, 0, t.probabilities, 0, rows.length);
        }
        return t;
    }

    public int size() {
        return size;
    }

    /** The model's classes in output order. */
    public List<String> classes() {
        return classes;
    }

    /** The class names of the labels (for wafer maps: every failure type in the file, model's or not). */
    public List<String> labelClasses() {
        return labelClasses;
    }

    /** The id of item i: the SEM sample id, or the wafer row number. */
    public String id(int i) {
        return ids == null ? Integer.toString(i) : ids[i];
    }

    /**
     * The item whose id ({@link #id}) is {@code id} - the SEM sample id or the file row of a wafer map, as a user
     * sees it - or -1 when no item has it.
     */
    public int indexOf(String id) {
        if (ids == null) {
            try {
                int i = Integer.parseInt(id);
                return i >= 0 && i < size() && Integer.toString(i).equals(id) ? i : -1;
            } catch (NumberFormatException e) {
                return -1;
            }
        }
        for (int i = 0; i < ids.length; i++) {
            if (ids[i].equals(id)) {
                return i;
            }
        }
        return -1;
    }

    /** True when the items are numbered rows (wafer maps) rather than named samples. */
    public boolean numberedRows() {
        return ids == null;
    }

    public synchronized boolean isDone(int i) {
        return predicted[i] >= 0;
    }

    public synchronized int doneCount() {
        return done;
    }

    /** The predicted class index of item i, -1 while it is not classified. */
    public synchronized int predicted(int i) {
        return predicted[i];
    }

    /** The probability of the predicted class, NaN while not classified. */
    public synchronized float confidence(int i) {
        int p = predicted[i];
        return p < 0 ? Float.NaN : probabilities[i * classes.size() + p];
    }

    public synchronized float probability(int i, int c) {
        return probabilities[i * classes.size() + c];
    }

    /** The k most probable classes of item i, most probable first (empty while not classified). */
    public synchronized List<ClassProbability> top(int i, int k) {
        if (predicted[i] < 0) {
            return List.of();
        }
        int c = classes.size();
        Integer[] order = new Integer[c];
        for (int j = 0; j < c; j++) {
            order[j] = j;
        }
        Arrays.sort(order, (a, b) -> Float.compare(probabilities[i * c + b], probabilities[i * c + a]));
        List<ClassProbability> out = new ArrayList<>();
        for (int j = 0; j < Math.min(k, c); j++) {
            out.add(new ClassProbability(classes.get(order[j]), probabilities[i * c + order[j]]));
        }
        return out;
    }

    /** The label index of item i into {@link #labelClasses()}, -1 when unlabelled. */
    public int label(int i) {
        return labels[i];
    }

    /** The label of item i, or null when unlabelled. */
    public String labelName(int i) {
        return labels[i] < 0 ? null : labelClasses.get(labels[i]);
    }

    /** The predicted class of item i, or null while not classified. */
    public synchronized String predictedName(int i) {
        return predicted[i] < 0 ? null : classes.get(predicted[i]);
    }

    /** True when item i has a label and a prediction and they differ. */
    public boolean differs(int i) {
        String l = labelName(i);
        String p = predictedName(i);
        return l != null && p != null && !l.equals(p);
    }

    /**
     * Stores the class probabilities of item i (one per model class). Rows with a NaN or negative value are
     * refused: NaN marks "not classified" in the cache.
     */
    public synchronized void setRow(int i, float[] row) {
        int c = classes.size();
        if (row.length != c) {
            throw new IllegalArgumentException(row.length + " probabilities for " + c + " classes");
        }
        int best = 0;
        for (int j = 0; j < c; j++) {
            if (!(row[j] >= 0)) {
                throw new IllegalArgumentException("probability " + row[j] + " of item " + i);
            }
            if (row[j] > row[best]) {
                best = j;
            }
        }
        System.arraycopy(row, 0, probabilities, i * c, c);
        if (predicted[i] < 0) {
            done++;
        }
        predicted[i] = best;
    }

    /** The confidence of every item at once (NaN for items not classified), for sorting a queue. */
    public synchronized float[] confidences() {
        float[] out = new float[size];
        int c = classes.size();
        for (int i = 0; i < size; i++) {
            out[i] = predicted[i] < 0 ? Float.NaN : probabilities[i * c + predicted[i]];
        }
        return out;
    }

    /** The predicted class index of every item at once (-1 for items not classified). */
    public synchronized int[] predictions() {
        return predicted.clone();
    }

    /** A copy of every probability row, NaN for items not classified (what the cache writes). */
    synchronized float[] rows() {
        return probabilities.clone();
    }

    /** A copy of the label indices. */
    int[] labels() {
        return labels.clone();
    }

    /** A copy of the item ids, or null for numbered rows. */
    String[] ids() {
        return ids == null ? null : ids.clone();
    }
}
