package defectlens.cli;

import defectlens.core.DefectLensException;
import defectlens.explain.ExplanationLayer;
import defectlens.model.ExplainableLayer;
import defectlens.model.SplitClassifier;
import java.nio.file.Path;
import picocli.CommandLine.Option;

/**
 * The {@code --layer} option every explain command shares, as a picocli mixin: the layer to explain at
 * ({@code explain layers --model DIR} lists them), by default the one {@link ExplainableLayer#DEFAULT_RULE}
 * picks.
 */
public final class LayerOption {
    @Option(names = "--layer", paramLabel = "NAME",
            description = "Layer to explain at (explain layers --model DIR lists them; default: "
                    + ExplainableLayer.DEFAULT_RULE + ").")
    String layer;

    /** The layer asked for, or null for the default. */
    public String requested() {
        return layer;
    }

    /** The chosen layer of {@code model}, an unknown name reported against the bundle folder {@code dir}. */
    public ExplanationLayer choose(SplitClassifier model, Path dir) {
        try {
            return ExplanationLayer.choose(model, layer);
        } catch (DefectLensException e) {
            if (e.file() != null) {
                throw e;
            }
            throw new DefectLensException(dir, e.getMessage(), e);
        }
    }
}
