package defectlens.explain.cam;

import ai.djl.ndarray.NDArray;
import defectlens.explain.LayerProbe;
import defectlens.model.SplitClassifier;

/**
 * GradCAM++ (Chattopadhyay et al., WACV 2018) in the closed form for an exponential output:
 * {@code alpha = g^2 / (2 g^2 + sum(A) g^3)}, {@code w_k = sum alpha ReLU(g)}, map
 * {@code ReLU(sum_k w_k A_k)}.
 */
public final class GradCamPlusPlus extends CamExplainer {
    private static final double EPS = 1e-7;

    public GradCamPlusPlus() {
        super("gradcam++", GRADIENT, RELU);
    }

    @Override
    protected float[] combine(LayerProbe p, SplitClassifier model, NDArray input) {
        double[] w = new double[p.channels()];
        for (int k = 0; k < w.length; k++) {
            double sumA = 0;
            for (int i = 0; i < p.cells(); i++) {
                sumA += p.a(k, i);
            }
            double s = 0;
            for (int i = 0; i < p.cells(); i++) {
                double g = p.g(k, i);
                if (g == 0) {
                    continue;
                }
                double g2 = g * g;
                double alpha = g2 / (2 * g2 + sumA * g2 * g + EPS);
                s += alpha * Math.max(g, 0);
            }
            w[k] = s;
        }
        return weightedSum(p, w, true);
    }
}
