package defectlens.explain.craft;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDArrays;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import defectlens.core.Progress;
import defectlens.image.ImageRaster;
import defectlens.model.ModelInputs;
import defectlens.model.SplitClassifier;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.PriorityQueue;
import java.util.concurrent.CancellationException;

/**
 * The most typical crops of each concept of a {@link ConceptBank}: crops of the class's images taken
 * the way the bank was fitted (its patch size, stride 0.8 x patch), pooled non-negative activations
 * at the split layer projected onto the bank by non-negative least squares, and for each concept
 * the crops with the highest coefficient. This is what the concept gallery shows beside each concept.
 */
public final class ConceptCrops {
    /** One crop with its coefficient on a concept and the index of the image it was cut from. */
    public record Crop(ImageRaster image, double coefficient, int sourceImage) {
    }

    private ConceptCrops() {
    }

    /**
     * For every concept of the bank (in the bank's order), up to {@code perConcept} crops with the
     * highest coefficient, highest first. Stops with a {@link CancellationException} when
     * the progress is cancelled; reports the share of images done.
     */
    public static List<List<Crop>> typical(SplitClassifier model, ConceptBank bank, List<ImageRaster> images,
            int perConcept, int batchSize, Progress progress) {
        int rank = bank.rank();
        List<PriorityQueue<Crop>> best = new ArrayList<>();
        for (int c = 0; c < rank; c++) {
            best.add(new PriorityQueue<>(Comparator.comparingDouble(Crop::coefficient)));
        }
        CropSampler sampler = new CropSampler(bank.patchSize(), 0.8);
        NonNegativeLeastSquares nnls = NonNegativeLeastSquares.defaults();
        for (int i = 0; i < images.size(); i++) {
            List<ImageRaster> crops = sampler.crops(images.get(i));
            for (int start = 0; start < crops.size(); start += batchSize) {
                progress.throwIfCancelled("typical crops");
                List<ImageRaster> part = crops.subList(start, Math.min(crops.size(), start + batchSize));
                float[] u = coefficients(model, bank, part, nnls);
                for (int b = 0; b < part.size(); b++) {
                    for (int c = 0; c < rank; c++) {
                        PriorityQueue<Crop> q = best.get(c);
                        q.add(new Crop(part.get(b), u[b * rank + c], i));
                        if (q.size() > perConcept) {
                            q.poll();
                        }
                    }
                }
            }
            progress.update((i + 1.0) / images.size(), "typical crops");
        }
        List<List<Crop>> out = new ArrayList<>();
        for (PriorityQueue<Crop> q : best) {
            List<Crop> l = new ArrayList<>(q);
            l.sort(Comparator.comparingDouble(Crop::coefficient).reversed());
            out.add(l);
        }
        return out;
    }

    /** Row-major {@code (crops, rank)} concept coefficients of pooled crop activations. */
    static float[] coefficients(SplitClassifier model, ConceptBank bank, List<ImageRaster> crops,
            NonNegativeLeastSquares nnls) {
        try (NDManager m = NDManager.newBaseManager()) {
            NDList inputs = new NDList();
            for (ImageRaster c : crops) {
                inputs.add(ModelInputs.tensor(c, model.cropInput(c.width()), m));
            }
            NDArray feats = model.features(NDArrays.concat(inputs));
            long[] s = feats.getShape().getShape();
            int channels = (int) s[1];
            int cells = (int) (s[2] * s[3]);
            if (channels != bank.channels()) {
                throw new defectlens.core.DefectLensException("concept bank of class " + bank.className() + " has "
                        + bank.channels() + " channels but layer " + model.splitLayer() + " has " + channels);
            }
            float[] v = feats.toFloatArray();
            float[] pooled = new float[crops.size() * channels];
            float[] one = new float[channels * cells];
            for (int b = 0; b < crops.size(); b++) {
                System.arraycopy(v, b * channels * cells, one, 0, one.length);
                float[] nn = bank.nonNegative(one, cells);
                for (int i = 0; i < cells; i++) {
                    for (int k = 0; k < channels; k++) {
                        pooled[b * channels + k] += nn[i * channels + k] / cells;
                    }
                }
            }
            return nnls.solve(pooled, crops.size(), bank.concepts(), bank.rank(), channels);
        }
    }
}
