package defectlens.model;

import defectlens.core.DefectLensException;
import defectlens.core.Progress;
import defectlens.dataset.SemDataset;
import defectlens.dataset.SemSample;
import defectlens.image.BinaryMask;
import defectlens.image.ImageRaster;
import defectlens.image.SemImageReader;
import java.util.ArrayList;
import java.util.List;

/**
 * The labelled images of a data set read once and shrunk to the model's square input size (or, for crop
 * training, to the frame size), kept as 8-bit gray (one byte per pixel) with their class indices and, when asked,
 * the bounding box of each defect mask in that size, so epochs never touch the disk.
 */
final class TrainingImages {
    final List<String> classes;
    final int size;
    final byte[][] pixels;
    final int[] labels;
    /** Per image {x0, y0, x1, y1} (inclusive) of the defect mask, null without mask pixels or when not read. */
    final int[][] boxes;

    TrainingImages(List<String> classes, int size, byte[][] pixels, int[] labels, int[][] boxes) {
        this.classes = classes;
        this.size = size;
        this.pixels = pixels;
        this.labels = labels;
        this.boxes = boxes;
    }

    static TrainingImages read(SemDataset data, int size, Progress progress) {
        return read(data, size, null, progress);
    }

    /**
     * The images at {@code size}; with {@code background} not null also the mask boxes, and every image of another
     * class than {@code background} must have a mask file (crops are cut around it).
     */
    static TrainingImages read(SemDataset data, int size, String background, Progress progress) {
        List<SemSample> labelled = new ArrayList<>();
        for (SemSample s : data.samples()) {
            if (s.label() != null) {
                labelled.add(s);
            }
        }
        if (labelled.isEmpty()) {
            throw new DefectLensException(data.root(), "no labelled images to train on");
        }
        List<String> classes = data.classes();
        byte[][] pixels = new byte[labelled.size()][];
        int[] labels = new int[labelled.size()];
        int[][] boxes = new int[labelled.size()][];
        for (int i = 0; i < labelled.size(); i++) {
            progress.throwIfCancelled("reading images");
            SemSample s = labelled.get(i);
            labels[i] = classes.indexOf(s.label());
            if (labels[i] < 0) {
                throw new DefectLensException(s.image(), "label '" + s.label() + "' is not a class of the data set");
            }
            pixels[i] = gray8(ModelInputs.resize(SemImageReader.read(s.image()), size, size));
            if (background != null && !background.equals(s.label())) {
                if (s.mask() == null) {
                    throw new DefectLensException(s.image(), "crop training needs a defect mask for every image of a "
                            + "defect class, and this one has none");
                }
                boxes[i] = box(BinaryMask.read(s.mask()), size);
            }
            progress.update(i + 1, labelled.size(), "reading images");
        }
        return new TrainingImages(classes, size, pixels, labels, boxes);
    }

    /** The mask's bounding box scaled to {@code size} x {@code size}; null when it has no foreground. */
    private static int[] box(BinaryMask mask, int size) {
        int x0 = Integer.MAX_VALUE;
        int y0 = Integer.MAX_VALUE;
        int x1 = -1;
        int y1 = -1;
        for (int y = 0; y < mask.height(); y++) {
            for (int x = 0; x < mask.width(); x++) {
                if (mask.get(x, y)) {
                    x0 = Math.min(x0, x);
                    y0 = Math.min(y0, y);
                    x1 = Math.max(x1, x);
                    y1 = Math.max(y1, y);
                }
            }
        }
        if (x1 < 0) {
            return null;
        }
        double sx = size / (double) mask.width();
        double sy = size / (double) mask.height();
        return new int[] {(int) Math.floor(x0 * sx), (int) Math.floor(y0 * sy), last(x1, sx, size), last(y1, sy, size)};
    }

    private static int last(int pixel, double scale, int size) {
        return Math.min(size - 1, (int) Math.floor((pixel + 1) * scale - 1e-9));
    }

    private static byte[] gray8(ImageRaster r) {
        byte[] out = new byte[r.width() * r.height()];
        double scale = 255.0 / r.maxValue();
        for (int y = 0; y < r.height(); y++) {
            for (int x = 0; x < r.width(); x++) {
                out[y * r.width() + x] = (byte) Math.round(r.intensity(x, y) * scale);
            }
        }
        return out;
    }

    /** The {@code side} x {@code side} window of image {@code i} at ({@code x}, {@code y}) as values in [0, 1]. */
    float[] unitCrop(int i, int x, int y, int side) {
        byte[] p = pixels[i];
        float[] out = new float[side * side];
        for (int r = 0; r < side; r++) {
            int from = (y + r) * size + x;
            for (int c = 0; c < side; c++) {
                out[r * side + c] = (p[from + c] & 0xFF) / 255f;
            }
        }
        return out;
    }

    /** Image {@code i} as values in [0, 1]. */
    float[] unit(int i) {
        byte[] p = pixels[i];
        float[] out = new float[p.length];
        for (int j = 0; j < p.length; j++) {
            out[j] = (p[j] & 0xFF) / 255f;
        }
        return out;
    }

    int count() {
        return labels.length;
    }
}
