package defectlens.explain.cam;

import ai.djl.ndarray.NDArray;
import defectlens.explain.LayerProbe;
import defectlens.model.SplitClassifier;

/**
 * GradCAM (Selvaraju et al., ICCV 2017): {@code ReLU(sum_k w_k A_k)} with {@code w_k} the spatial
 * mean of the gradient of the class logit with respect to feature map {@code A_k}.
 */
public final class GradCam extends CamExplainer {
    public GradCam() {
        super("gradcam", GRADIENT, RELU);
    }

    @Override
    protected float[] combine(LayerProbe p, SplitClassifier model, NDArray input) {
        double[] w = new double[p.channels()];
        for (int k = 0; k < w.length; k++) {
            double s = 0;
            for (int i = 0; i < p.cells(); i++) {
                s += p.g(k, i);
            }
            w[k] = s / p.cells();
        }
        return weightedSum(p, w, true);
    }
}
