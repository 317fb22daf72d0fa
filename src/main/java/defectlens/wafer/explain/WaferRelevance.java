package defectlens.wafer.explain;

import defectlens.explain.lrp.LrpExplanation;
import java.util.List;

/**
 * An LRP explanation of one wafer map by a wafer model.
 *
 * @param map the 64x64 map explained (background removed), row-major
 * @param input the network input (the map, or its resampled sinogram), row-major 64x64
 * @param lrp the explanation on the network input
 * @param waferRelevance relevance on the wafer grid, row-major 64x64: the input relevance itself for map
 *     models, its filtered back-projection ({@link SinogramRelevanceProjector}) for sinogram models
 * @param sinogramInput whether the model sees a sinogram
 * @param classes class names in output order
 */
public record WaferRelevance(
        float[] map, float[] input, LrpExplanation lrp, float[] waferRelevance, boolean sinogramInput,
        List<String> classes) {
    public WaferRelevance {
        classes = List.copyOf(classes);
    }

    public String predictedClass() {
        return classes.get(lrp.predictedClass());
    }

    public String explainedClass() {
        return classes.get(lrp.explainedClass());
    }

    /** The sum of the wafer-grid relevance (equals the input total for map models). */
    public double waferRelevanceSum() {
        double s = 0;
        for (float v : waferRelevance) {
            s += v;
        }
        return s;
    }

    /**
     * The share of the positive wafer-grid relevance that lies on failed dies (map value > 0.5);
     * NaN when there is no positive relevance.
     */
    public double positiveShareOnFailedDies() {
        double on = 0;
        double all = 0;
        for (int i = 0; i < waferRelevance.length; i++) {
            float v = waferRelevance[i];
            if (v > 0) {
                all += v;
                if (map[i] > 0.5f) {
                    on += v;
                }
            }
        }
        return all > 0 ? on / all : Double.NaN;
    }
}
