package defectlens.explain.cam;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import defectlens.explain.Explainer;
import defectlens.explain.Heatmap;
import defectlens.explain.LayerProbe;
import defectlens.image.ImageRaster;
import defectlens.model.ModelInputs;
import defectlens.model.SplitClassifier;

/**
 * The frame shared by the class-activation-map family: the image becomes the model's input tensor
 * under a per-call manager, the split layer is probed, and the method combines activations (and
 * gradients) into one raw map at feature resolution.
 */
public abstract class CamExplainer implements Explainer {
    /** Readable values of the constructor's flags. */
    protected static final boolean GRADIENT = true;
    protected static final boolean NO_GRADIENT = false;
    protected static final boolean SIGNED = true;
    protected static final boolean RELU = false;

    private final String name;
    private final boolean needsGradient;
    private final boolean signed;

    /**
     * @param name          the method's id ({@link Explainers})
     * @param needsGradient whether the method needs the gradient of the target logit
     * @param signed        whether the raw map can be negative (no final ReLU in the method's definition)
     */
    protected CamExplainer(String name, boolean needsGradient, boolean signed) {
        this.name = name;
        this.needsGradient = needsGradient;
        this.signed = signed;
    }

    @Override
    public final String name() {
        return name;
    }

    protected final boolean needsGradient() {
        return needsGradient;
    }

    protected final boolean signed() {
        return signed;
    }

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

    /**
     * {@code sum_k g_k A_k} element-wise at every cell, with {@code g} passed through ReLU first when
     * {@code positiveGradients} (LayerCAM) and the sum through ReLU when {@code relu}.
     */
    protected static float[] gradientTimesActivation(LayerProbe p, boolean positiveGradients, boolean relu) {
        float[] cam = new float[p.cells()];
        for (int i = 0; i < cam.length; i++) {
            double s = 0;
            for (int k = 0; k < p.channels(); k++) {
                float g = p.g(k, i);
                s += (positiveGradients ? Math.max(g, 0f) : g) * (double) p.a(k, i);
            }
            cam[i] = (float) (relu ? Math.max(s, 0) : s);
        }
        return cam;
    }
}
