package defectlens.explain;

import ai.djl.engine.Engine;
import ai.djl.ndarray.NDArray;
import ai.djl.training.GradientCollector;
import defectlens.model.SplitClassifier;

/**
 * Activations (and, when asked, gradients of the target logit) at a model's split layer for one
 * input, copied out of native memory: the material every CAM method combines. Gradients as
 * docs/sem-models.md describes: run {@code features}, stop the gradient, mark the map as requiring
 * one, run {@code head} inside a gradient collector and go backward from the class logit.
 *
 * <p>DJL's PyTorch engine allows one gradient collector at a time in a JVM, so gradient probes are
 * serialised on one lock; anything else that collects gradients (a training loop) must not run at
 * the same moment as a gradient-based explanation.
 */
public record LayerProbe(int channels, int height, int width, float[] activations, float[] gradients,
        float[] logits, int target) {

    private static final Object GRADIENT_LOCK = new Object();

    /** Number of feature cells per channel. */
    public int cells() {
        return height * width;
    }

    /** The target logit. */
    public double score() {
        return logits[target];
    }

    /** Activation of channel k at cell i. */
    public float a(int k, int i) {
        return activations[k * height * width + i];
    }

    /** Gradient of the target logit with respect to the activation of channel k at cell i. */
    public float g(int k, int i) {
        return gradients[k * height * width + i];
    }

    /**
     * Probes a {@code (1, C, H, W)} normalised input; {@code target} {@link Explainer#PREDICTED}
     * picks the largest logit. Arrays are made under the input's manager.
     */
    public static LayerProbe run(SplitClassifier model, NDArray input, int target, boolean withGradient) {
        if (input.getShape().get(0) != 1) {
            throw new IllegalArgumentException("probe one image at a time, got batch " + input.getShape());
        }
        NDArray feats = model.features(input).stopGradient();
        long[] s = feats.getShape().getShape();
        if (s.length != 4) {
            throw new IllegalArgumentException("split layer " + model.splitLayer() + " gives " + feats.getShape()
                    + ", (N, K, h, w) expected");
        }
        float[] acts = feats.toFloatArray();
        float[] grads = null;
        float[] logits;
        int t;
        if (withGradient) {
            synchronized (GRADIENT_LOCK) {
                try (GradientCollector gc = Engine.getInstance().newGradientCollector()) {
                    feats.setRequiresGradient(true);
                    NDArray out = model.head(feats);
                    logits = out.toFloatArray();
                    t = resolveTarget(model, logits, target);
                    gc.backward(out.get(0, t));
                    grads = feats.getGradient().toFloatArray();
                }
            }
        } else {
            logits = model.head(feats).toFloatArray();
            t = resolveTarget(model, logits, target);
        }
        return new LayerProbe((int) s[1], (int) s[2], (int) s[3], acts, grads, logits, t);
    }

    static int resolveTarget(SplitClassifier model, float[] logits, int target) {
        if (target == Explainer.PREDICTED) {
            int best = 0;
            for (int i = 1; i < logits.length; i++) {
                if (logits[i] > logits[best]) {
                    best = i;
                }
            }
            return best;
        }
        if (target < 0 || target >= logits.length) {
            throw new IllegalArgumentException("target class " + target + " outside 0.." + (logits.length - 1)
                    + " of " + model.classes());
        }
        return target;
    }
}
