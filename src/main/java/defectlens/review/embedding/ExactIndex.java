package defectlens.review.embedding;

import java.util.Arrays;
import java.util.List;
import java.util.stream.IntStream;

/**
 * Exact cosine search: every item's unit-length embedding in one flat array, each query compared with all of them
 * (in parallel over blocks of items). Ties go to the lower item number. Items without an embedding (NaN) are
 * never returned.
 */
public final class ExactIndex implements SimilarityIndex {
    private static final int BLOCK = 4096;
    private final float[] units;
    private final int dimension;
    private final int size;

    /** An index of {@code vectors} (item i = row i; rows of NaN are left out of the answers). */
    public ExactIndex(float[][] vectors) {
        this.size = vectors.length;
        this.dimension = vectors.length == 0 ? 0 : vectors[0].length;
        this.units = new float[size * dimension];
        for (int i = 0; i < size; i++) {
            float[] u = Float.isNaN(vectors[i][0]) ? nanRow(dimension) : Vectors.unit(vectors[i]);
            System.arraycopy(u, 0, units, i * dimension, dimension);
        }
    }

    private static float[] nanRow(int d) {
        float[] r = new float[d];
        Arrays.fill(r, Float.NaN);
        return r;
    }

    @Override
    public int size() {
        return size;
    }

    @Override
    public int dimension() {
        return dimension;
    }

    @Override
    public boolean exact() {
        return true;
    }

    @Override
    public List<Neighbour> nearest(float[] query, int k) {
        float[] q = Vectors.unit(query);
        int blocks = (size + BLOCK - 1) / BLOCK;
        List<long[]> parts = IntStream.range(0, blocks).parallel()
                .mapToObj(b -> best(q, b * BLOCK, Math.min(size, (b + 1) * BLOCK), k)).toList();
        TopK top = new TopK(k);
        for (long[] p : parts) {
            for (long key : p) {
                top.offer(key);
            }
        }
        return top.neighbours();
    }

    /** The cosine similarity of {@code query} and item {@code item}, computed as {@link #nearest} computes it. */
    public float similarity(float[] query, int item) {
        return dot(item, Vectors.unit(query));
    }

    /** Item {@code item}'s unit embedding times the unit query {@code q}, summed in item order. */
    private float dot(int item, float[] q) {
        int base = item * dimension;
        float s = 0;
        for (int j = 0; j < dimension; j++) {
            s += units[base + j] * q[j];
        }
        return s;
    }

    private long[] best(float[] q, int from, int to, int k) {
        TopK top = new TopK(k);
        for (int i = from; i < to; i++) {
            float s = dot(i, q);
            if (!Float.isNaN(s)) {
                top.offer(TopK.key(i, s));
            }
        }
        return top.keys();
    }
}
