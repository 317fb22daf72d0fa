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
    private final int evidenceCell;

    /**
     * Inputs and their class indices; with evidence cells, also {@link EvidenceLoss}'s {@code outside} cells and
     * crop weights (null without).
     */
    record Batch(NDArray input, int[] labels, float[] outside, float[] evidence) {
    }

    BatchMaker(TrainingImages images, InputSpec spec, SemAugmentation augmentation) {
        this(images, spec, augmentation, null);
    }

    BatchMaker(TrainingImages images, InputSpec spec, SemAugmentation augmentation, TrainingCrops crops) {
        this(images, spec, augmentation, crops, 0);
    }

    /**
     * With {@code evidenceCell} > 0 (crops only), every crop also gives {@link EvidenceLoss#outsideCells} for cells of
     * that many pixels, from its defect box moved with the crop's flips and turns, and whether it holds its defect.
     */
    BatchMaker(TrainingImages images, InputSpec spec, SemAugmentation augmentation, TrainingCrops crops,
            int evidenceCell) {
        if (evidenceCell > 0 && (crops == null || spec.width() % evidenceCell != 0)) {
            throw new IllegalArgumentException("evidence cells need crops whose side is a multiple of the cell: "
                    + spec.width() + " px, cell " + evidenceCell);
        }
        this.images = images;
        this.spec = spec;
        this.augmentation = augmentation;
        this.crops = crops;
        this.evidenceCell = evidenceCell;
    }

    /** The inputs and labels of images {@code idx} (crops drawn with {@code random}, or the fixed ones without). */
    Batch batch(List<Integer> idx, NDManager m, Random random) {
        if (crops == null) {
            return new Batch(input(idx, m, random), labels(idx), null, null);
        }
        int side = spec.width();
        List<float[]> windows = new ArrayList<>(idx.size());
        int[] labels = new int[idx.size()];
        int cells = evidenceCell > 0 ? (side / evidenceCell) * (side / evidenceCell) : 0;
        float[] outside = evidenceCell > 0 ? new float[idx.size() * cells] : null;
        float[] evidence = evidenceCell > 0 ? new float[idx.size()] : null;
        for (int n = 0; n < idx.size(); n++) {
            int i = idx.get(n);
            TrainingCrops.Crop c = crops.pick(i, random);
            float[] window = images.unitCrop(i, c.x(), c.y(), side);
            if (evidenceCell == 0) {
                windows.add(window);
            } else {
                boolean holdsDefect = images.boxes[i] != null && c.label() == images.labels[i];
                float[] plane = holdsDefect ? boxPlane(images.boxes[i], c.x(), c.y(), side) : new float[side * side];
                if (random != null && augmentation != null) {
                    float[][] moved = augmentation.apply(window, plane, side, random);
                    window = moved[0];
                    plane = moved[1];
                }
                windows.add(window);
                evidence[n] = holdsDefect ? 1f : 0f;
                EvidenceLoss.outsideCells(plane, side, evidenceCell, outside, n * cells);
            }
            labels[n] = c.label();
        }
        return new Batch(tensor(windows, side, m, evidenceCell == 0 ? random : null), labels, outside, evidence);
    }

    /** The inclusive frame box {@code {x0, y0, x1, y1}} as a 0/1 plane of the crop at ({@code x}, {@code y}). */
    private static float[] boxPlane(int[] box, int x, int y, int side) {
        float[] plane = new float[side * side];
        for (int r = Math.max(0, box[1] - y); r <= Math.min(side - 1, box[3] - y); r++) {
            for (int c = Math.max(0, box[0] - x); c <= Math.min(side - 1, box[2] - x); c++) {
                plane[r * side + c] = 1f;
            }
        }
        return plane;
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
