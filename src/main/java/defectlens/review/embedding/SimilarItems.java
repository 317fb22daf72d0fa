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

    /**
     * The mean share of each query's true {@code k} nearest items (from {@code exact}) that {@code approximate}
     * returns among its {@code k}.
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
}
