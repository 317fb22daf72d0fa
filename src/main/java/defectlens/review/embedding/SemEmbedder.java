package defectlens.review.embedding;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import defectlens.image.ImageRaster;
import defectlens.model.ModelInputs;
import defectlens.model.SplitClassifier;
import java.util.List;

/**
 * The embedding of a SEM classifier ({@link EmbeddingLayer#SEM_POOLED}): the feature maps at its explanation split
 * (the layer GradCAM and CRAFT look at) averaged over their positions, one value per channel; the logits are the
 * head's answer on those same feature maps. Owns one DJL manager; close it when done.
 */
public final class SemEmbedder implements AutoCloseable {
    private final SplitClassifier model;
    private final NDManager root;

    public SemEmbedder(SplitClassifier model) {
        this.model = model;
        this.root = NDManager.newBaseManager("PyTorch");
    }

    /** Embeddings, logits and probabilities of a batch of images. */
    public Embedded embed(List<ImageRaster> images) {
        try (NDManager m = root.newSubManager()) {
            NDArray[] inputs = new NDArray[images.size()];
            for (int i = 0; i < inputs.length; i++) {
                inputs[i] = ModelInputs.tensor(images.get(i), model.input(), m);
            }
            NDArray features = model.features(inputs.length == 1 ? inputs[0]
                    : ai.djl.ndarray.NDArrays.concat(new ai.djl.ndarray.NDList(inputs), 0));
            NDArray pooled = features.mean(new int[] {3}).mean(new int[] {2}); // one axis at a time (PyTorch engine)
            NDArray logits = model.head(features);
            int n = images.size();
            return new Embedded(rows(pooled.toFloatArray(), n), rows(logits.toFloatArray(), n),
                    rows(logits.softmax(1).toFloatArray(), n));
        }
    }

    private static float[][] rows(float[] flat, int n) {
        int w = flat.length / n;
        float[][] out = new float[n][];
        for (int i = 0; i < n; i++) {
            out[i] = java.util.Arrays.copyOfRange(flat, i * w, (i + 1) * w);
        }
        return out;
    }

    @Override
    public void close() {
        root.close();
    }
}
