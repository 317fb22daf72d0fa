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

    /** The index of {@code vectors} (item i = row i). */
    public static SimilarityIndex index(float[][] vectors, Progress progress) {
        return vectors.length <= EXACT_LIMIT ? new ExactIndex(vectors) : HnswSimilarityIndex.build(vectors, progress);
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
