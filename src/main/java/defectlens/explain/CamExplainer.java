package defectlens.explain;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import defectlens.image.ImageRaster;
import defectlens.model.ModelInputs;
import defectlens.model.SplitClassifier;

/**
 * The frame shared by the class-activation-map family: the image becomes the model's input tensor
 * under a per-call manager, the split layer is probed, and the method combines activations (and
 * gradients) into one raw map at feature resolution.
 */
public abstract class CamExplainer implements Explainer {
    /** Whether the method needs the gradient of the target logit. */
    protected abstract boolean needsGradient();

    /** Whether the raw map can be negative (no final ReLU in the method's definition). */
    protected abstract boolean signed();

    /** The raw {@code (h, w)} map, row by row, from the probe of {@code input}. */
    protected abstract float[] combine(LayerProbe probe, SplitClassifier model, NDArray input);

    @Override
    public Heatmap explain(SplitClassifier model, ImageRaster image, int targetClass) {
        try (NDManager manager = NDManager.newBaseManager()) {
            NDArray input = ModelInputs.tensor(image, model.input(), manager);
            LayerProbe p = LayerProbe.run(model, input, targetClass, needsGradient());
            float[] raw = combine(p, model, input);
            return Heatmap.of(name(), p.target(), model.classes().get(p.target()), p.score(), raw, p.width(),
                    p.height(), signed(), image.width(), image.height());
        }
    }

    /** {@code sum_k w_k A_k} at every cell, optionally passed through ReLU. */
    protected static float[] weightedSum(LayerProbe p, double[] weights, boolean relu) {
        int n = p.cells();
        float[] cam = new float[n];
        for (int i = 0; i < n; i++) {
            double s = 0;
            for (int k = 0; k < p.channels(); k++) {
                s += weights[k] * p.a(k, i);
            }
            cam[i] = (float) (relu ? Math.max(s, 0) : s);
        }
        return cam;
    }
}
