package defectlens.model;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/**
 * Builds normalised input batches (N, C, H, W) from pre-read training images, augmenting them when a
 * random source is given; gray is replicated for 3-channel inputs. With {@link TrainingCrops} each image gives
 * one native-resolution crop (fresh each epoch when a random source is given) whose label may be the background
 * class, so inputs and labels come together from {@link #batch}.
 */
final class BatchMaker {
    private final TrainingImages images;
    private final InputSpec spec;
    private final SemAugmentation augmentation;
    private final TrainingCrops crops;

    /** Inputs and their class indices. */
    record Batch(NDArray input, int[] labels) {
    }

    BatchMaker(TrainingImages images, InputSpec spec, SemAugmentation augmentation) {
        this(images, spec, augmentation, null);
    }

    BatchMaker(TrainingImages images, InputSpec spec, SemAugmentation augmentation, TrainingCrops crops) {
        this.images = images;
        this.spec = spec;
        this.augmentation = augmentation;
        this.crops = crops;
    }

    /** The inputs and labels of images {@code idx} (crops drawn with {@code random}, or the fixed ones without). */
    Batch batch(List<Integer> idx, NDManager m, Random random) {
        if (crops == null) {
            return new Batch(input(idx, m, random), labels(idx));
        }
        List<float[]> windows = new ArrayList<>(idx.size());
        int[] labels = new int[idx.size()];
        for (int n = 0; n < idx.size(); n++) {
            TrainingCrops.Crop c = crops.pick(idx.get(n), random);
            windows.add(images.unitCrop(idx.get(n), c.x(), c.y(), spec.width()));
            labels[n] = c.label();
        }
        return new Batch(tensor(windows, spec.width(), m, random), labels);
    }

    /** The batch of images {@code idx}; augmented when {@code random} is not null and augmentation is on. */
    NDArray input(List<Integer> idx, NDManager m, Random random) {
        List<float[]> unit = new ArrayList<>(idx.size());
        for (int i : idx) {
            unit.add(images.unit(i));
        }
        return tensor(unit, images.size, m, random);
    }

    private NDArray tensor(List<float[]> unit, int size, NDManager m, Random random) {
        int plane = size * size;
        int c = spec.channels();
        float[] data = new float[unit.size() * c * plane];
        for (int n = 0; n < unit.size(); n++) {
            float[] img = unit.get(n);
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
        return m.create(data, new Shape(unit.size(), c, size, size));
    }

    int[] labels(List<Integer> idx) {
        int[] out = new int[idx.size()];
        for (int i = 0; i < out.length; i++) {
            out[i] = images.labels[idx.get(i)];
        }
        return out;
    }
}
