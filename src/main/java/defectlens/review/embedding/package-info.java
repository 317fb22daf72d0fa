/** Embeddings: items of a data set as vectors of a model's feature space, cached, projected and searched. */
package defectlens.review.embedding;
