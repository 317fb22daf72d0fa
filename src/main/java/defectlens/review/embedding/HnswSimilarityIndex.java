package defectlens.review.embedding;

import com.github.jelmerk.knn.DistanceFunctions;
import com.github.jelmerk.knn.Item;
import com.github.jelmerk.knn.SearchResult;
import com.github.jelmerk.knn.hnsw.HnswIndex;
import defectlens.core.Progress;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Approximate cosine search for large data sets: a hierarchical navigable small-world graph (Malkov and Yashunin
 * 2018) from {@code com.github.jelmerk:hnswlib-core} over unit-length embeddings with the inner-product distance.
 * {@value #M} links per node, {@value #EF_CONSTRUCTION} candidates while building, {@value #EF} while searching
 * (recall@10 against exact search measured in docs/benchmarks.md, "More like this"). Items without an embedding
 * are not indexed.
 *
 * <p>Items whose unit-length embeddings are identical share one node of the graph: copies of one map (a file read
 * twice, a wafer scanned again, the same empty map) would otherwise fill each other's neighbour lists and cut the
 * graph into cliques the search cannot leave, and would cost a node each. A node found by the search stands for all
 * its items; ties are answered as {@link ExactIndex} answers them (higher similarity first, then the lower item).
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
    /** Items of each node, ascending. */
    private final int[][] members;
    private final int items;

    private HnswSimilarityIndex(HnswIndex<Integer, float[], Entry, Float> index, int dimension, int[][] members) {
        this.index = index;
        this.dimension = dimension;
        this.members = members;
        this.items = Arrays.stream(members).mapToInt(m -> m.length).sum();
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
        List<Entry> entries = new ArrayList<>();
        int[] nodeOf = new int[vectors.length];
        Map<VectorKey, Integer> nodes = new HashMap<>();
        for (int i = 0; i < vectors.length; i++) {
            nodeOf[i] = -1;
            if (!Float.isNaN(vectors[i][0])) {
                float[] unit = Vectors.unit(vectors[i]);
                Integer node = nodes.putIfAbsent(new VectorKey(unit), entries.size());
                if (node == null) {
                    node = entries.size();
                    entries.add(new Entry(node, unit));
                }
                nodeOf[i] = node;
            }
        }
        nodes.clear();
        int[][] members = members(nodeOf, entries.size());
        int total = entries.size();
        try {
            index.addAll(entries, Runtime.getRuntime().availableProcessors(), (done, max) -> {
                progress.update(done, total, done + " / " + total + " distinct embeddings indexed");
                progress.throwIfCancelled("building the similarity index");
            }, Math.max(1, total / 100));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while building the similarity index", e);
        }
        return new HnswSimilarityIndex(index, d, members);
    }

    /** The items of each node, ascending, from each item's node ({@code -1}: not indexed). */
    private static int[][] members(int[] nodeOf, int nodes) {
        int[] counts = new int[nodes];
        for (int node : nodeOf) {
            if (node >= 0) {
                counts[node]++;
            }
        }
        int[][] members = new int[nodes][];
        for (int n = 0; n < nodes; n++) {
            members[n] = new int[counts[n]];
            counts[n] = 0;
        }
        for (int i = 0; i < nodeOf.length; i++) {
            if (nodeOf[i] >= 0) {
                members[nodeOf[i]][counts[nodeOf[i]]++] = i;
            }
        }
        return members;
    }

    /** Items indexed (with an embedding). */
    @Override
    public int size() {
        return items;
    }

    /** Nodes of the graph: the distinct embeddings among the items. */
    public int distinct() {
        return members.length;
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
        TopK top = new TopK(k);
        for (SearchResult<Entry, Float> r : index.findNearest(Vectors.unit(query), k)) {
            float similarity = 1 - r.distance();
            for (int item : members[r.item().id()]) {
                top.offer(TopK.key(item, similarity));
            }
        }
        return top.neighbours();
    }
}
