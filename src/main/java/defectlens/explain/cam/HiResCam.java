package defectlens.explain.cam;

import ai.djl.ndarray.NDArray;
import defectlens.explain.LayerProbe;
import defectlens.model.SplitClassifier;

/**
 * HiResCAM (Draelos and Carin, 2020): {@code sum_k g_k * A_k} element-wise, with no spatial averaging
 * of the gradient. The raw map keeps its sign; the normalised map shows its positive part.
 */
public final class HiResCam extends CamExplainer {
    public HiResCam() {
        super("hirescam", GRADIENT, SIGNED);
    }

    @Override
    protected float[] combine(LayerProbe p, SplitClassifier model, NDArray input) {
        return gradientTimesActivation(p, false, false);
    }
}
