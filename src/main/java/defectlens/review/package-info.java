/** Reviews: process engineers' decisions on a model's predictions, the cached predictions, and corrected labels. */
package defectlens.review;
