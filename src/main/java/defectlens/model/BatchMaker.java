package defectlens.model;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import java.util.List;
import java.util.Random;

/**
 * Builds normalised input batches (N, C, H, W) from pre-read training images, augmenting them when a
 * random source is given; gray is replicated for 3-channel inputs.
 */
final class BatchMaker {
    private final TrainingImages images;
    private final InputSpec spec;
    private final SemAugmentation augmentation;

    BatchMaker(TrainingImages images, InputSpec spec, SemAugmentation augmentation) {
        this.images = images;
        this.spec = spec;
        this.augmentation = augmentation;
    }

    /** The batch of images {@code idx}; augmented when {@code random} is not null and augmentation is on. */
    NDArray input(List<Integer> idx, NDManager m, Random random) {
        int size = images.size;
        int plane = size * size;
        int c = spec.channels();
        float[] data = new float[idx.size() * c * plane];
        for (int n = 0; n < idx.size(); n++) {
            float[] img = images.unit(idx.get(n));
            if (random != null && augmentation != null) {
                img = augmentation.apply(img, size, random);
            }
            for (int ch = 0; ch < c; ch++) {
                float mean = spec.mean().get(ch);
                float std = spec.std().get(ch);
                int base = (n * c + ch) * plane;
                for (int j = 0; j < plane; j++) {
                    data[base + j] = (img[j] - mean) / std;
                }
            }
        }
        return m.create(data, new Shape(idx.size(), c, size, size));
    }

    int[] labels(List<Integer> idx) {
        int[] out = new int[idx.size()];
        for (int i = 0; i < out.length; i++) {
            out[i] = images.labels[idx.get(i)];
        }
        return out;
    }
}
