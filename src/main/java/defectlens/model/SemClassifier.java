package defectlens.model;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import defectlens.core.DefectLensException;
import defectlens.core.Progress;
import defectlens.dataset.SemDataset;
import defectlens.dataset.SemSample;
import defectlens.dataset.SkippedSample;
import defectlens.image.ImageRaster;
import defectlens.image.SemImageReader;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.CancellationException;
import java.util.function.Consumer;

/**
 * The classification service the CLI and the window share: a model bundle's classifier turns SEM
 * images into top-k class probabilities, one image or a whole data set in batches, with progress and
 * cancellation. Every call works under its own {@link NDManager}, so nothing leaks across calls.
 */
public final class SemClassifier implements AutoCloseable {
    /** Pixels per batch of {@link #recommendedBatch}: 8 images at 128x128, one at 384x384. */
    private static final long BATCH_PIXELS = 8L * 128 * 128;

    private final SplitClassifier model;
    private final NDManager root;

    public SemClassifier(SplitClassifier model) {
        this.model = model;
        this.root = NDManager.newBaseManager("PyTorch");
    }

    /**
     * Images per forward pass for an input size: 8 at 128x128 and fewer for larger inputs, down to one at
     * 384x384. DJL keeps every activation of a pass allocated until the pass ends, so memory grows with
     * batch x pixels: EfficientNetV2-S at 384x384 peaked at 12.5 GB for a batch of 16 (docs/benchmarks.md),
     * about 0.75 GB per image.
     */
    public static int recommendedBatch(InputSpec input) {
        long pixels = (long) input.width() * input.height();
        return (int) Math.max(1, Math.min(8, BATCH_PIXELS / Math.max(1, pixels)));
    }

    public SplitClassifier model() {
        return model;
    }

    /** The {@code top} most probable classes of one image. */
    public Prediction classify(String id, ImageRaster image, int top) {
        return classifyBatch(List.of(id), List.of(image), top).get(0);
    }

    /** Classifies images in one batch. */
    public List<Prediction> classifyBatch(List<String> ids, List<ImageRaster> images, int top) {
        try (NDManager m = root.newSubManager()) {
            NDArray[] inputs = new NDArray[images.size()];
            for (int i = 0; i < inputs.length; i++) {
                inputs[i] = ModelInputs.tensor(images.get(i), model.input(), m);
            }
            NDArray batch = NDArrays.concat(inputs);
            float[] probs = model.logits(batch).softmax(1).toFloatArray();
            int k = model.classes().size();
            List<Prediction> out = new ArrayList<>(images.size());
            for (int i = 0; i < images.size(); i++) {
                double[] p = new double[k];
                for (int c = 0; c < k; c++) {
                    p[c] = probs[i * k + c];
                }
                out.add(new Prediction(ids.get(i), topK(p, top), p));
            }
            return out;
        }
    }

    private List<ClassProbability> topK(double[] p, int top) {
        Integer[] order = new Integer[p.length];
        Arrays.setAll(order, i -> i);
        Arrays.sort(order, Comparator.comparingDouble((Integer i) -> -p[i]));
        List<ClassProbability> out = new ArrayList<>();
        for (int i = 0; i < Math.min(Math.max(1, top), p.length); i++) {
            out.add(new ClassProbability(model.classes().get(order[i]), p[order[i]]));
        }
        return out;
    }

    /**
     * Classifies every sample of a data set in batches of {@code batchSize}, in sample order; the first
     * unreadable image ends the run with its error.
     *
     * Progress counts images; between batches it is asked whether to go on.
     *
     * @throws CancellationException when the progress is cancelled between batches
     */
    public List<Prediction> classifyAll(SemDataset data, int top, int batchSize, Progress progress) {
        return classifyAll(data, top, batchSize, progress, null);
    }

    /**
     * Classifies every sample of a data set in batches of {@code batchSize}, in sample order. An image
     * that cannot be read is handed to {@code skipped} and left out (the predictions are those of the
     * readable samples, in order); with {@code skipped} null its error ends the run.
     *
     * @throws CancellationException when the progress is cancelled between batches
     */
    public List<Prediction> classifyAll(SemDataset data, int top, int batchSize, Progress progress,
            Consumer<SkippedSample> skipped) {
        List<Prediction> out = new ArrayList<>(data.size());
        List<SemSample> samples = data.samples();
        int step = Math.max(1, batchSize);
        for (int start = 0; start < samples.size(); start += step) {
            progress.throwIfCancelled("classification after " + out.size() + " images");
            List<SemSample> chunk = samples.subList(start, Math.min(samples.size(), start + step));
            List<String> ids = new ArrayList<>();
            List<ImageRaster> images = new ArrayList<>();
            for (SemSample s : chunk) {
                try {
                    images.add(SemImageReader.read(s.image()));
                    ids.add(s.id());
                } catch (DefectLensException e) {
                    if (skipped == null) {
                        throw e;
                    }
                    skipped.accept(new SkippedSample(s.id(), s.image(), e.getMessage()));
                }
            }
            if (!images.isEmpty()) {
                out.addAll(classifyBatch(ids, images, top));
            }
            int done = Math.min(samples.size(), start + step);
            progress.update(done, samples.size(), done + "/" + samples.size() + " images");
        }
        return out;
    }

    /** Checks that a data set's class names are the model's (in any order) before evaluating. */
    public void requireClassesOf(SemDataset data) {
        for (String c : data.classCounts().keySet()) {
            if (data.classCounts().get(c) > 0 && !model.classes().contains(c)) {
                throw new DefectLensException(data.root(), "class '" + c + "' of this data set is not one the model knows "
                        + model.classes());
            }
        }
    }

    @Override
    public void close() {
        root.close();
    }
}
