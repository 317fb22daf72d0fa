package defectlens.model;

import defectlens.core.DefectLensException;
import defectlens.core.Progress;
import defectlens.dataset.SemDataset;
import defectlens.dataset.SemSample;
import defectlens.image.ImageRaster;
import defectlens.image.SemImageReader;
import java.util.ArrayList;
import java.util.List;

/**
 * The labelled images of a data set read once and shrunk to the model's square input size, kept as
 * 8-bit gray (one byte per pixel) with their class indices, so epochs never touch the disk.
 */
final class TrainingImages {
    final List<String> classes;
    final int size;
    final byte[][] pixels;
    final int[] labels;

    private TrainingImages(List<String> classes, int size, byte[][] pixels, int[] labels) {
        this.classes = classes;
        this.size = size;
        this.pixels = pixels;
        this.labels = labels;
    }

    static TrainingImages read(SemDataset data, int size, Progress progress) {
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
        for (int i = 0; i < labelled.size(); i++) {
            progress.throwIfCancelled("reading images");
            SemSample s = labelled.get(i);
            labels[i] = classes.indexOf(s.label());
            if (labels[i] < 0) {
                throw new DefectLensException(s.image(), "label '" + s.label() + "' is not a class of the data set");
            }
            pixels[i] = gray8(ModelInputs.resize(SemImageReader.read(s.image()), size, size));
            progress.update(i + 1, labelled.size(), "reading images");
        }
        return new TrainingImages(classes, size, pixels, labels);
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
