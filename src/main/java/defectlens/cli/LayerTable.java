package defectlens.cli;

import defectlens.model.ExplainableLayer;
import defectlens.model.SplitClassifier;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/** A model's explainable layers as {@code model info} and {@code explain layers} print them. */
public final class LayerTable {
    private LayerTable() {
    }

    /** One JSON object per layer (name, channels, height, width, default), shallow to deep. */
    public static List<Map<String, Object>> json(SplitClassifier model) {
        List<ExplainableLayer> layers = model.explainableLayers();
        ExplainableLayer pick = ExplainableLayer.defaultOf(layers, model.input());
        List<Map<String, Object>> out = new ArrayList<>();
        for (ExplainableLayer l : layers) {
            Map<String, Object> row = new LinkedHashMap<>();
            row.put("name", l.name());
            row.put("channels", l.channels());
            row.put("height", l.height());
            row.put("width", l.width());
            row.put("default", l.equals(pick));
            out.add(row);
        }
        return out;
    }

    /** One line per layer, the default marked, then the rule. */
    public static String text(SplitClassifier model) {
        List<ExplainableLayer> layers = model.explainableLayers();
        ExplainableLayer pick = ExplainableLayer.defaultOf(layers, model.input());
        StringBuilder s = new StringBuilder("explainable layers (channels x height x width):\n");
        for (ExplainableLayer l : layers) {
            s.append(String.format(Locale.ROOT, "  %-12s %5d x %4d x %4d%s%n", l.name(), l.channels(), l.height(),
                    l.width(), l.equals(pick) ? "   <- default" : ""));
        }
        s.append("default: ").append(ExplainableLayer.DEFAULT_RULE).append('\n');
        return s.toString();
    }
}
