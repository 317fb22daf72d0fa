package defectlens.review.embedding;

import defectlens.core.Progress;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Chooses the similarity search for a data set: exact up to {@value #EXACT_LIMIT} items, the approximate HNSW
 * graph above; and measures how many of the true k nearest items an approximate index finds (recall@k).
 */
public final class SimilarItems {
    /** Largest data set searched exactly. */
    public static final int EXACT_LIMIT = 50_000;

    private SimilarItems() {
    }

    /** Values kept by the projection of a large data set's embeddings before the approximate index. */
    public static final int PROJECTED = 128;
    /** Embeddings the projection is fitted on. */
    static final int PCA_SAMPLE = 20_000;

    /** An index and the projection its queries go through (null: none). */
    public record Search(SimilarityIndex index, Pca projection) {
        /** The {@code k} items most like {@code query} (an embedding at full width). */
        public List<Neighbour> nearest(float[] query, int k) {
            return index.nearest(projection == null ? query : projection.project(query), k);
        }

        /**
         * The {@code k} items of {@code table} most like its item {@code item}, most similar first, the item itself
         * left out; none when the item has no embedding.
         */
        public List<Neighbour> others(EmbeddingTable table, int item, int k) {
            List<Neighbour> out = new java.util.ArrayList<>();
            if (!table.isDone(item)) {
                return out;
            }
            for (Neighbour n : nearest(table.vector(item), k + 1)) {
                if (n.item() != item && out.size() < k) {
                    out.add(n);
                }
            }
            return out;
        }
    }

    /**
     * The search over {@code vectors} (item i = row i): exact up to {@value #EXACT_LIMIT} items; above, the
     * embeddings projected to {@value #PROJECTED} values (uncentred PCA fitted on a seeded sample) in an HNSW graph.
     */
    public static Search index(float[][] vectors, Progress progress) {
        if (vectors.length <= EXACT_LIMIT) {
            return new Search(new ExactIndex(vectors), null);
        }
        Pca pca = null;
        float[][] rows = vectors;
        if (vectors[0].length > PROJECTED) {
            java.util.SplittableRandom random = new java.util.SplittableRandom(0);
            float[][] sample = new float[PCA_SAMPLE][];
            for (int i = 0; i < sample.length; i++) {
                sample[i] = vectors[random.nextInt(vectors.length)];
            }
            pca = Pca.fit(sample, PROJECTED, false);
            rows = new float[vectors.length][];
            for (int i = 0; i < rows.length; i++) {
                rows[i] = pca.project(vectors[i]);
            }
        }
        return new Search(HnswSimilarityIndex.build(rows, progress), pca);
    }

    /** Similarity below the k-th true one that still counts as found in {@link #tieAwareRecall}. */
    public static final float TIE_TOLERANCE = 1e-5f;

    /**
     * The mean share of each query's true {@code k} nearest items (from {@code exact}) that {@code approximate}
     * returns among its {@code k}: recall by item identity. Where more than {@code k} items tie at the k-th
     * similarity (copies of one map) the two searches may pick different ones; see {@link #tieAwareRecall}.
     */
    public static double recall(SimilarityIndex exact, SimilarityIndex approximate, List<float[]> queries, int k) {
        double sum = 0;
        for (float[] q : queries) {
            Set<Integer> truth = new HashSet<>();
            exact.nearest(q, k).forEach(n -> truth.add(n.item()));
            long found = approximate.nearest(q, k).stream().filter(n -> truth.contains(n.item())).count();
            sum += truth.isEmpty() ? 1 : (double) found / truth.size();
        }
        return queries.isEmpty() ? Double.NaN : sum / queries.size();
    }

    /**
     * Recall@k as ann-benchmarks counts it: an item returned by {@code approximate} is correct when its true
     * similarity to the query (recomputed by {@code exact}) is at least the k-th true similarity minus
     * {@value #TIE_TOLERANCE}, so any of several items tied at the k-th place counts. The mean over the queries of
     * min(correct, k) / (true neighbours found, at most k).
     */
    public static double tieAwareRecall(ExactIndex exact, SimilarityIndex approximate, List<float[]> queries, int k) {
        double sum = 0;
        for (float[] q : queries) {
            sum += foundShare(exact, q, exact.nearest(q, k), approximate.nearest(q, k), true);
        }
        return queries.isEmpty() ? Double.NaN : sum / queries.size();
    }

    /**
     * The share of the true neighbours {@code truth} of {@code query} (from {@code exact}) that {@code found}
     * holds: by item identity, or ({@code tieAware}) counting every distinct found item whose true similarity
     * reaches the last true one minus {@value #TIE_TOLERANCE}; 1 when there is no true neighbour.
     */
    static double foundShare(ExactIndex exact, float[] query, List<Neighbour> truth, List<Neighbour> found,
            boolean tieAware) {
        if (truth.isEmpty()) {
            return 1;
        }
        Set<Integer> items = new HashSet<>();
        truth.forEach(n -> items.add(n.item()));
        float kth = truth.get(truth.size() - 1).similarity() - TIE_TOLERANCE;
        long correct = found.stream().mapToInt(Neighbour::item).distinct()
                .filter(i -> tieAware ? exact.similarity(query, i) >= kth : items.contains(i)).count();
        return Math.min(correct, truth.size()) / (double) truth.size();
    }
}
