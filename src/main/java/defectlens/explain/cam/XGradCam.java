package defectlens.explain.cam;

import ai.djl.ndarray.NDArray;
import defectlens.explain.LayerProbe;
import defectlens.model.SplitClassifier;

/**
 * XGradCAM (Fu et al., BMVC 2020): {@code w_k = sum(g_k A_k) / sum(A_k)}, map
 * {@code ReLU(sum_k w_k A_k)}.
 */
public final class XGradCam extends CamExplainer {
    private static final double EPS = 1e-7;

    public XGradCam() {
        super("xgradcam", GRADIENT, RELU);
    }

    @Override
    protected float[] combine(LayerProbe p, SplitClassifier model, NDArray input) {
        double[] w = new double[p.channels()];
        for (int k = 0; k < w.length; k++) {
            double ga = 0;
            double a = 0;
            for (int i = 0; i < p.cells(); i++) {
                ga += (double) p.g(k, i) * p.a(k, i);
                a += p.a(k, i);
            }
            w[k] = ga / (a + EPS);
        }
        return weightedSum(p, w, true);
    }
}
