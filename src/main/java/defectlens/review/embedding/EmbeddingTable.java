package defectlens.review.embedding;

import java.util.Arrays;
import java.util.List;

/**
 * The embeddings of the items of a data set under one model, filled in as they are computed: per item a row of
 * {@code dimension} values, the model's class logits and probabilities (a row of NaN = not computed yet). Flat
 * primitive arrays, so 811k items x 64 values stay one array each. Mutable only through {@link #setRow}.
 */
public final class EmbeddingTable {
    private final List<String> classes;
    private final int dimension;
    private final float[] vectors;
    private final float[] logits;
    private final float[] probabilities;

    private EmbeddingTable(List<String> classes, int dimension, float[] vectors, float[] logits, float[] probs) {
        this.classes = List.copyOf(classes);
        this.dimension = dimension;
        this.vectors = vectors;
        this.logits = logits;
        this.probabilities = probs;
    }

    /** An empty table of {@code items} items (nothing computed). */
    public static EmbeddingTable empty(int items, int dimension, List<String> classes) {
        float[] v = new float[items * dimension];
        float[] l = new float[items * classes.size()];
        float[] p = new float[items * classes.size()];
        Arrays.fill(v, Float.NaN);
        Arrays.fill(l, Float.NaN);
        Arrays.fill(p, Float.NaN);
        return new EmbeddingTable(classes, dimension, v, l, p);
    }

    /** A table over existing arrays (taken, not copied); sizes must agree. */
    public static EmbeddingTable of(List<String> classes, int dimension, float[] vectors, float[] logits,
            float[] probabilities) {
        int c = classes.size();
        if (dimension < 1 || vectors.length % dimension != 0 || logits.length != vectors.length / dimension * c
                || probabilities.length != logits.length) {
            throw new IllegalArgumentException("arrays of " + vectors.length + ", " + logits.length + " and "
                    + probabilities.length + " values do not make rows of " + dimension + " and " + c);
        }
        return new EmbeddingTable(classes, dimension, vectors, logits, probabilities);
    }

    public int size() {
        return vectors.length / dimension;
    }

    public int dimension() {
        return dimension;
    }

    public List<String> classes() {
        return classes;
    }

    public boolean isDone(int i) {
        return !Float.isNaN(vectors[i * dimension]);
    }

    public int doneCount() {
        int n = 0;
        for (int i = 0; i < size(); i++) {
            n += isDone(i) ? 1 : 0;
        }
        return n;
    }

    /** Item {@code i}'s embedding (a copy). */
    public float[] vector(int i) {
        return Arrays.copyOfRange(vectors, i * dimension, (i + 1) * dimension);
    }

    public float[] logits(int i) {
        int c = classes.size();
        return Arrays.copyOfRange(logits, i * c, (i + 1) * c);
    }

    public float[] probabilities(int i) {
        int c = classes.size();
        return Arrays.copyOfRange(probabilities, i * c, (i + 1) * c);
    }

    /** The embedded items {@code rows} as one batch (for scoring or fitting). */
    public Embedded rows(int[] rows) {
        float[][] v = new float[rows.length][];
        float[][] l = new float[rows.length][];
        float[][] p = new float[rows.length][];
        for (int k = 0; k < rows.length; k++) {
            v[k] = vector(rows[k]);
            l[k] = logits(rows[k]);
            p[k] = probabilities(rows[k]);
        }
        return new Embedded(v, l, p);
    }

    /** Stores item {@code i}'s row of a batch. */
    public synchronized void setRow(int i, Embedded batch, int row) {
        int c = classes.size();
        if (batch.vectors()[row].length != dimension || batch.logits()[row].length != c) {
            throw new IllegalArgumentException("a row of " + batch.vectors()[row].length + " values for a table of "
                    + dimension);
        }
        System.arraycopy(batch.vectors()[row], 0, vectors, i * dimension, dimension);
        System.arraycopy(batch.logits()[row], 0, logits, i * c, c);
        System.arraycopy(batch.probabilities()[row], 0, probabilities, i * c, c);
    }

    float[] vectorArray() {
        return vectors;
    }

    float[] logitArray() {
        return logits;
    }

    float[] probabilityArray() {
        return probabilities;
    }
}
