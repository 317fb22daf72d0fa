package defectlens.explain.cam;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import defectlens.explain.Explainer;
import defectlens.explain.Heatmap;
import defectlens.explain.LayerProbe;
import defectlens.explain.MapResampling;
import defectlens.image.ImageRaster;
import defectlens.model.ExplainableLayer;
import defectlens.model.InputSpec;
import defectlens.model.ModelInputs;
import defectlens.model.SplitClassifier;
import java.util.ArrayList;
import java.util.List;

/**
 * LayerCAM fused over layers (Jiang et al., TIP 2021, section III-C): LayerCAM maps of the explained
 * layer and of every shallower explainable layer down to a map side of a quarter of the input side, the
 * shallower ones scaled by {@code tanh(2 M / max M)} (the paper's gamma = 2), each brought to [0, 1],
 * resampled to the finest of them and fused by the element-wise maximum. The deep layer says which
 * object, the shallow ones sharpen its outline; the raw map has the finest layer's resolution.
 */
public final class MultiLayerCam implements Explainer {
    /** The method's id. */
    public static final String NAME = "multilayercam";

    private static final double GAMMA = 2.0;
    private static final int SHALLOWEST_SIDE_DIVISOR = 4;

    @Override
    public String name() {
        return NAME;
    }

    /** The layers fused for {@code model} split at its explained layer, shallow to deep. */
    public static List<ExplainableLayer> fusedLayers(SplitClassifier model) {
        List<ExplainableLayer> all = model.explainableLayers();
        InputSpec in = model.input();
        double largest = Math.min(in.width(), in.height()) / (double) SHALLOWEST_SIDE_DIVISOR;
        List<ExplainableLayer> out = new ArrayList<>();
        for (ExplainableLayer l : all) {
            if (l.side() <= largest) {
                out.add(l);
            }
            if (l.name().equals(model.splitLayer())) {
                if (out.isEmpty() || !out.get(out.size() - 1).name().equals(l.name())) {
                    out.add(l);
                }
                return out;
            }
        }
        return List.of(new ExplainableLayer(model.splitLayer(), 0, 0, 0));
    }

    @Override
    public Heatmap explain(SplitClassifier model, ImageRaster image, int targetClass) {
        List<ExplainableLayer> layers = fusedLayers(model);
        try (NDManager manager = NDManager.newBaseManager()) {
            NDArray input = ModelInputs.tensor(image, model.input(), manager);
            float[] fused = null;
            int fw = 0;
            int fh = 0;
            int target = targetClass;
            double score = 0;
            for (int i = layers.size() - 1; i >= 0; i--) {
                SplitClassifier at = model.splitAt(layers.get(i).name());
                LayerProbe p = LayerProbe.run(at, input, target, true);
                target = p.target();
                if (fused == null) {
                    score = p.score();
                }
                float[] cam = CamExplainer.gradientTimesActivation(p, true, true);
                boolean shallower = i < layers.size() - 1;
                scaleToUnit(cam, shallower);
                if (fused == null || p.width() > fw) {
                    float[] previous = fused;
                    int pw = fw;
                    int ph = fh;
                    fused = cam;
                    fw = p.width();
                    fh = p.height();
                    if (previous != null) {
                        maxInto(fused, MapResampling.bilinear(previous, pw, ph, fw, fh));
                    }
                } else {
                    maxInto(fused, MapResampling.bilinear(cam, p.width(), p.height(), fw, fh));
                }
            }
            return Heatmap.of(NAME, target, model.classes().get(target), score, fused, fw, fh, false,
                    image.width(), image.height());
        }
    }

    private static void scaleToUnit(float[] cam, boolean tanh) {
        float max = 0f;
        for (float v : cam) {
            max = Math.max(max, v);
        }
        if (!(max > 0f)) {
            return;
        }
        for (int i = 0; i < cam.length; i++) {
            cam[i] = tanh ? (float) (Math.tanh(GAMMA * cam[i] / max) / Math.tanh(GAMMA)) : cam[i] / max;
        }
    }

    private static void maxInto(float[] into, float[] other) {
        for (int i = 0; i < into.length; i++) {
            into[i] = Math.max(into[i], other[i]);
        }
    }
}
