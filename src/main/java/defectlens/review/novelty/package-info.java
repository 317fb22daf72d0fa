/** Novelty: how far an item lies from what a model was trained on (Mahalanobis, k-NN, energy, softmax). */
package defectlens.review.novelty;
