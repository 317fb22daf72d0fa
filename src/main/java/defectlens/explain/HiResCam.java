package defectlens.explain;

import ai.djl.ndarray.NDArray;
import defectlens.model.SplitClassifier;

/**
 * HiResCAM (Draelos and Carin, 2020): {@code sum_k g_k * A_k} element-wise, with no spatial averaging
 * of the gradient. The raw map keeps its sign; the normalised map shows its positive part.
 */
public final class HiResCam extends CamExplainer {
    @Override
    public String name() {
        return "hirescam";
    }

    @Override
    protected boolean needsGradient() {
        return true;
    }

    @Override
    protected boolean signed() {
        return true;
    }

    @Override
    protected float[] combine(LayerProbe p, SplitClassifier model, NDArray input) {
        float[] cam = new float[p.cells()];
        for (int i = 0; i < cam.length; i++) {
            double s = 0;
            for (int k = 0; k < p.channels(); k++) {
                s += (double) p.g(k, i) * p.a(k, i);
            }
            cam[i] = (float) s;
        }
        return cam;
    }
}
