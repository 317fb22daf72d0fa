package defectlens.explain.cam;

import ai.djl.ndarray.NDArray;
import defectlens.explain.LayerProbe;
import defectlens.model.SplitClassifier;

/** LayerCAM (Jiang et al., TIP 2021): {@code ReLU(sum_k ReLU(g_k) * A_k)} element-wise. */
public final class LayerCam extends CamExplainer {
    public LayerCam() {
        super("layercam", GRADIENT, RELU);
    }

    @Override
    protected float[] combine(LayerProbe p, SplitClassifier model, NDArray input) {
        return gradientTimesActivation(p, true, true);
    }
}
