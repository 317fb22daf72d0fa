package defectlens.explain;

import defectlens.core.DefectLensException;
import defectlens.model.ExplainableLayer;
import defectlens.model.SplitClassifier;
import java.util.List;
import java.util.Locale;

/**
 * The layer an explanation reads: one a user named, or the default by rule
 * ({@link ExplainableLayer#DEFAULT_RULE}), with the model split there. Every explain command and the
 * window resolve their layer choice here and state it in their output.
 *
 * @param model  the model split at {@code layer} (a view sharing the weights of the model it came from)
 * @param layer  the layer and its map size
 * @param byRule true when the layer was picked by the default rule rather than named
 */
public record ExplanationLayer(SplitClassifier model, ExplainableLayer layer, boolean byRule) {

    /**
     * The layer {@code requested} of {@code model} ({@code null}, empty or {@code default} = the default by rule).
     *
     * @throws DefectLensException naming the model's layers when it has no such layer
     */
    public static ExplanationLayer choose(SplitClassifier model, String requested) {
        List<ExplainableLayer> layers = model.explainableLayers();
        if (requested == null || requested.isBlank() || requested.trim().equalsIgnoreCase("default")) {
            ExplainableLayer pick = ExplainableLayer.defaultOf(layers, model.input());
            return new ExplanationLayer(model.splitAt(pick.name()), pick, true);
        }
        String name = requested.trim();
        for (ExplainableLayer l : layers) {
            if (l.name().equals(name)) {
                return new ExplanationLayer(model.splitAt(name), l, false);
            }
        }
        throw new DefectLensException("the model has no explainable layer '" + name + "'; its layers: "
                + layers.stream().map(ExplainableLayer::name).toList());
    }

    /** E.g. {@code layer stage4 (64 x 12 x 12), the default: the deepest layer whose ...}. */
    public String describe() {
        return "layer " + layer.describe() + (byRule ? ", the default: " + ExplainableLayer.DEFAULT_RULE
                + String.format(Locale.ROOT, " (%d px)", Math.min(model.input().width(), model.input().height()))
                : ", chosen");
    }
}
