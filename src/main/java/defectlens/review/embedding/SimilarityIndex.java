package defectlens.review.embedding;

import java.util.List;

/**
 * "More like this": the items of a data set most similar to a query embedding by cosine similarity. Built once
 * per data set and model ({@link SimilarItems#index}); thread-safe for queries.
 */
public interface SimilarityIndex {
    /** Items in the index. */
    int size();

    /** Values per embedding. */
    int dimension();

    /** The {@code k} most similar items to {@code query}, most similar first (fewer when the index is smaller). */
    List<Neighbour> nearest(float[] query, int k);

    /** Whether the answers are exact (every item compared) rather than approximate. */
    boolean exact();
}
