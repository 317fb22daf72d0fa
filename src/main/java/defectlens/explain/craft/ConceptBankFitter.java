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
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.CancellationException;

/**
 * Fits a {@link ConceptBank} for one class the CRAFT way (Fel et al., CVPR 2023): crops of the
 * class's images (resized to the model input) go through {@code features}; the activations are made
 * non-negative by the options' {@link ActivationPolicy} and averaged over space per crop; NMF
 * factorises the (crops x channels) matrix into concepts; the concepts' importance is the mean Sobol
 * total index over up to {@code importanceImages} of the class's images. Reports progress and stops
 * with a {@link CancellationException} when the progress is cancelled.
 */
public final class ConceptBankFitter {
    /** Where the progress stands when the crops are read and when the NMF has converged. */
    private static final double CROPS_DONE = 0.4;
    private static final double NMF_DONE = 0.6;

    private final CraftOptions options;

    public ConceptBankFitter(CraftOptions options) {
        this.options = options;
    }

    public ConceptBank fit(SplitClassifier model, String modelName, int classIndex, List<ImageRaster> images,
            Progress progress) {
        if (images.isEmpty()) {
            throw new IllegalArgumentException("no images of class " + model.classes().get(classIndex) + " to fit concepts on");
        }
        CropSampler sampler = new CropSampler(options.patchSize(), options.strideFraction());
        List<float[]> reluMeans = new ArrayList<>();
        List<float[]> plainMeans = new ArrayList<>();
        float[] mins = null;
        int channels = 0;
        try (NDManager manager = NDManager.newBaseManager()) {
            for (int i = 0; i < images.size(); i++) {
                List<ImageRaster> crops = sampler.crops(images.get(i));
                for (int start = 0; start < crops.size(); start += options.batchSize()) {
                    progress.throwIfCancelled("concept-bank fitting");
                    List<ImageRaster> part = crops.subList(start, Math.min(crops.size(), start + options.batchSize()));
                    try (NDManager m = manager.newSubManager()) {
                        NDList inputs = new NDList();
                        for (ImageRaster c : part) {
                            inputs.add(ModelInputs.tensor(c, model.cropInput(c.width()), m));
                        }
                        NDArray feats = model.features(NDArrays.concat(inputs));
                        long[] s = feats.getShape().getShape();
                        channels = (int) s[1];
                        int cells = (int) (s[2] * s[3]);
                        float[] v = feats.toFloatArray();
                        if (mins == null) {
                            mins = new float[channels];
                            Arrays.fill(mins, Float.POSITIVE_INFINITY);
                        }
                        for (int b = 0; b < part.size(); b++) {
                            float[] relu = new float[channels];
                            float[] plain = new float[channels];
                            for (int k = 0; k < channels; k++) {
                                double sr = 0;
                                double sp = 0;
                                int base = (b * channels + k) * cells;
                                for (int c = 0; c < cells; c++) {
                                    float a = v[base + c];
                                    sr += Math.max(a, 0f);
                                    sp += a;
                                    mins[k] = Math.min(mins[k], a);
                                }
                                relu[k] = (float) (sr / cells);
                                plain[k] = (float) (sp / cells);
                            }
                            reluMeans.add(relu);
                            plainMeans.add(plain);
                        }
                    }
                }
                progress.range(0, CROPS_DONE).update((i + 1.0) / images.size(), "crops");
            }
            float[] offsets = new float[channels];
            if (options.policy() == ActivationPolicy.SHIFT) {
                for (int k = 0; k < channels; k++) {
                    offsets[k] = Math.min(mins[k], 0f);
                }
            }
            int n = reluMeans.size();
            float[] a = new float[n * channels];
            for (int i = 0; i < n; i++) {
                for (int k = 0; k < channels; k++) {
                    a[i * channels + k] = options.policy() == ActivationPolicy.RELU ? reluMeans.get(i)[k]
                            : plainMeans.get(i)[k] - offsets[k];
                }
            }
            int rank = Math.min(options.concepts(), Math.min(n, channels));
            Nmf.Result nmf = new Nmf(rank, options.nmfIterations(), 1e-6, options.seed())
                    .fit(a, n, channels, progress.range(CROPS_DONE, NMF_DONE));
            ConceptBank unranked = new ConceptBank(modelName, model.splitLayer(), model.classes().get(classIndex),
                    classIndex, options.policy(), offsets, rank, channels, nmf.w(), new double[rank], nmf.error(),
                    nmf.iterations(), options.patchSize(), n, options.seed(), options.sobolDesigns());
            double[] importance = new double[rank];
            int used = Math.min(images.size(), options.importanceImages());
            CraftExplainer coefficients = new CraftExplainer(c -> unranked, CraftExplainer.Resolution.FEATURES);
            for (int i = 0; i < used; i++) {
                progress.throwIfCancelled("concept-bank fitting");
                ConceptMaps maps = coefficients.conceptMaps(model, images.get(i), classIndex);
                double[] st = ConceptImportance.totalIndices(model, unranked, maps.coefficients(), maps.height(),
                        maps.width(), classIndex, options.sobolDesigns(), options.batchSize(), manager);
                for (int c = 0; c < rank; c++) {
                    importance[c] += st[c] / used;
                }
                progress.range(NMF_DONE, 1).update((i + 1.0) / used, "importance");
            }
            return new ConceptBank(modelName, model.splitLayer(), unranked.className(), classIndex, options.policy(),
                    offsets, rank, channels, nmf.w(), importance, nmf.error(), nmf.iterations(), options.patchSize(), n,
                    options.seed(), options.sobolDesigns());
        }
    }
}
