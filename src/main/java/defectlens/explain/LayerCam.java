package defectlens.explain;

import ai.djl.ndarray.NDArray;
import defectlens.model.SplitClassifier;

/** LayerCAM (Jiang et al., TIP 2021): {@code ReLU(sum_k ReLU(g_k) * A_k)} element-wise. */
public final class LayerCam extends CamExplainer {
    @Override
    public String name() {
        return "layercam";
    }

    @Override
    protected boolean needsGradient() {
        return true;
    }

    @Override
    protected boolean signed() {
        return false;
    }

    @Override
    protected float[] combine(LayerProbe p, SplitClassifier model, NDArray input) {
        float[] cam = new float[p.cells()];
        for (int i = 0; i < cam.length; i++) {
            double s = 0;
            for (int k = 0; k < p.channels(); k++) {
                s += Math.max(p.g(k, i), 0f) * (double) p.a(k, i);
            }
            cam[i] = (float) Math.max(s, 0);
        }
        return cam;
    }
}
