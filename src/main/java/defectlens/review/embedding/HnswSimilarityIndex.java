package defectlens.review.embedding;

import com.github.jelmerk.knn.DistanceFunctions;
import com.github.jelmerk.knn.Item;
import com.github.jelmerk.knn.SearchResult;
import com.github.jelmerk.knn.hnsw.HnswIndex;
import defectlens.core.Progress;
import java.util.ArrayList;
import java.util.List;

/**
 * Approximate cosine search for large data sets: a hierarchical navigable small-world graph (Malkov and Yashunin
 * 2018) from {@code com.github.jelmerk:hnswlib-core} over unit-length embeddings with the inner-product distance.
 * {@value #M} links per node, {@value #EF_CONSTRUCTION} candidates while building, {@value #EF} while searching
 * (recall@10 against exact search measured in docs/benchmarks.md, "More like this"). Items without an embedding
 * are not indexed.
 */
public final class HnswSimilarityIndex implements SimilarityIndex {
    static final int M = 16;
    static final int EF_CONSTRUCTION = 100;
    static final int EF = 100;

    /** One indexed item. */
    record Entry(Integer id, float[] vector) implements Item<Integer, float[]> {
        @Override
        public int dimensions() {
            return vector.length;
        }
    }

    private final HnswIndex<Integer, float[], Entry, Float> index;
    private final int dimension;

    private HnswSimilarityIndex(HnswIndex<Integer, float[], Entry, Float> index, int dimension) {
        this.index = index;
        this.dimension = dimension;
    }

    /**
     * Builds the graph of {@code vectors} with all cores (progress counts items; a cancel stops the build and
     * throws the core's cancellation).
     */
    public static HnswSimilarityIndex build(float[][] vectors, Progress progress) {
        int d = vectors.length == 0 ? 1 : vectors[0].length;
        HnswIndex<Integer, float[], Entry, Float> index = HnswIndex
                .newBuilder(d, DistanceFunctions.FLOAT_INNER_PRODUCT, Math.max(1, vectors.length))
                .withM(M).withEfConstruction(EF_CONSTRUCTION).withEf(EF).build();
        List<Entry> entries = new ArrayList<>(vectors.length);
        for (int i = 0; i < vectors.length; i++) {
            if (!Float.isNaN(vectors[i][0])) {
                entries.add(new Entry(i, Vectors.unit(vectors[i])));
            }
        }
        int total = entries.size();
        try {
            index.addAll(entries, Runtime.getRuntime().availableProcessors(), (done, max) -> {
                progress.update(done, total, done + " / " + total + " items indexed");
                progress.throwIfCancelled("building the similarity index");
            }, Math.max(1, total / 100));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while building the similarity index", e);
        }
        return new HnswSimilarityIndex(index, d);
    }

    @Override
    public int size() {
        return index.size();
    }

    @Override
    public int dimension() {
        return dimension;
    }

    @Override
    public boolean exact() {
        return false;
    }

    @Override
    public List<Neighbour> nearest(float[] query, int k) {
        List<Neighbour> out = new ArrayList<>();
        for (SearchResult<Entry, Float> r : index.findNearest(Vectors.unit(query), k)) {
            out.add(new Neighbour(r.item().id(), 1 - r.distance()));
        }
        return out;
    }
}
