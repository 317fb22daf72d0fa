package defectlens.review.embedding;

/** One item found by a similarity search: its item number and its cosine similarity to the query. */
public record Neighbour(int item, float similarity) {
}
