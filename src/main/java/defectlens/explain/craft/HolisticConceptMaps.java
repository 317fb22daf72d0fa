package defectlens.explain.craft;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDArrays;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import defectlens.core.DefectLensException;
import defectlens.explain.MapResampling;
import defectlens.image.ImageRaster;
import defectlens.model.ModelInputs;
import defectlens.model.SplitClassifier;
import java.util.List;

/**
 * CRAFT's concept attribution maps at crop level (the "holistic" CRAFT of Fel et al., CVPR 2023): crops of the
 * bank's patch size slide over the image on a grid (stride {@value #STRIDE_FRACTION} x patch, edges flush), each
 * crop is seen by the model at its full input size - as the concepts were learned - and the concept coefficients
 * of every feature cell of every crop are put back where that cell lies in the image, averaged where crops
 * overlap. A crop is {@code patch} image pixels over {@code h} cells, so the maps are {@code image / patch}
 * times finer than the feature map of the whole image (3x for a third-of-the-image patch).
 */
public final class HolisticConceptMaps {
    /** Stride of the crop grid as a share of the patch: every pixel lies in about four crops. */
    public static final double STRIDE_FRACTION = 0.5;

    private HolisticConceptMaps() {
    }

    /**
     * The concept coefficients of {@code image} on the fine grid, for the class {@code target} (already resolved)
     * with its logit {@code score} on the whole image.
     */
    static ConceptMaps of(SplitClassifier model, ImageRaster image, ConceptBank bank, int target, double score,
            NonNegativeLeastSquares nnls, int batchSize) {
        int patch = Math.min(bank.patchSize(), Math.min(image.width(), image.height()));
        CropSampler sampler = new CropSampler(patch, STRIDE_FRACTION);
        List<Integer> xs = sampler.offsets(image.width());
        List<Integer> ys = sampler.offsets(image.height());
        int r = bank.rank();
        double[] sum = null;
        int[] count = null;
        int gw = 0;
        int gh = 0;
        double scale = 0;
        int n = xs.size() * ys.size();
        try (NDManager manager = NDManager.newBaseManager()) {
            for (int start = 0; start < n; start += batchSize) {
                int b = Math.min(batchSize, n - start);
                float[] v;
                int h;
                int w;
                try (NDManager m = manager.newSubManager()) {
                    NDList inputs = new NDList();
                    for (int j = 0; j < b; j++) {
                        int at = start + j;
                        inputs.add(ModelInputs.tensor(CropSampler.crop(image, xs.get(at % xs.size()),
                                ys.get(at / xs.size()), patch, patch), model.cropInput(patch), m));
                    }
                    NDArray feats = model.features(NDArrays.concat(inputs));
                    long[] s = feats.getShape().getShape();
                    if (s[1] != bank.channels()) {
                        throw new DefectLensException("concept bank of class " + bank.className()
                                + " has " + bank.channels() + " channels but layer " + model.splitLayer() + " has "
                                + s[1]);
                    }
                    h = (int) s[2];
                    w = (int) s[3];
                    v = feats.toFloatArray();
                }
                if (sum == null) {
                    scale = (double) h / patch;
                    gw = Math.max(1, (int) Math.round(image.width() * scale));
                    gh = Math.max(1, (int) Math.round(image.height() * scale));
                    sum = new double[gw * gh * r];
                    count = new int[gw * gh];
                }
                int cells = h * w;
                int cropCells = Math.max(1, (int) Math.round(patch * scale));
                float[] one = new float[bank.channels() * cells];
                for (int j = 0; j < b; j++) {
                    int at = start + j;
                    System.arraycopy(v, j * one.length, one, 0, one.length);
                    float[] u = nnls.solve(bank.nonNegative(one, cells), cells, bank.concepts(), r, bank.channels());
                    int ox = (int) Math.round(xs.get(at % xs.size()) * scale);
                    int oy = (int) Math.round(ys.get(at / xs.size()) * scale);
                    float[][] up = new float[r][];
                    for (int c = 0; c < r; c++) {
                        float[] map = new float[cells];
                        for (int i = 0; i < cells; i++) {
                            map[i] = u[i * r + c];
                        }
                        up[c] = MapResampling.bilinear(map, w, h, cropCells, cropCells);
                    }
                    for (int y = 0; y < cropCells && oy + y < gh; y++) {
                        for (int x = 0; x < cropCells && ox + x < gw; x++) {
                            int g = (oy + y) * gw + ox + x;
                            count[g]++;
                            for (int c = 0; c < r; c++) {
                                sum[g * r + c] += up[c][y * cropCells + x];
                            }
                        }
                    }
                }
            }
        }
        float[] coefficients = new float[gw * gh * r];
        for (int g = 0; g < gw * gh; g++) {
            for (int c = 0; c < r; c++) {
                coefficients[g * r + c] = count[g] == 0 ? 0f : (float) (sum[g * r + c] / count[g]);
            }
        }
        return new ConceptMaps(bank, target, score, gw, gh, coefficients);
    }
}
