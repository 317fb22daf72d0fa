package defectlens.model;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.List;

/**
 * The content of a bundle's {@code model.json}: name, architecture ({@code efficientnetv2-s} ... or
 * {@code torchscript}), class names in logit order, input spec, split layer, number of trainable
 * parameters, weight files (relative to the bundle), provenance and the explainable layers with their map
 * sizes (absent in bundles written before layers were listed), and for a model trained on native-resolution crops
 * the {@link SlidingWindow} that classifies whole frames (absent otherwise; {@code input} is then the window).
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
@JsonIgnoreProperties(ignoreUnknown = true)
public record ModelManifest(
        @JsonProperty("name") String name,
        @JsonProperty("architecture") String architecture,
        @JsonProperty("classes") List<String> classes,
        @JsonProperty("input") InputSpec input,
        @JsonProperty("split_layer") String splitLayer,
        @JsonProperty("parameters") long parameters,
        @JsonProperty("weights") List<String> weights,
        @JsonProperty("provenance") Provenance provenance,
        @JsonProperty("explainable_layers") List<ExplainableLayer> explainableLayers,
        @JsonProperty("sliding_window") SlidingWindow slidingWindow) {
    public static final String TORCHSCRIPT = "torchscript";

    @JsonCreator
    public ModelManifest {
        explainableLayers = explainableLayers == null ? null : List.copyOf(explainableLayers);
        classes = classes == null ? null : List.copyOf(classes);
        weights = weights == null ? null : List.copyOf(weights);
    }

    /** A manifest of a whole-image model. */
    public ModelManifest(String name, String architecture, List<String> classes, InputSpec input, String splitLayer,
            long parameters, List<String> weights, Provenance provenance, List<ExplainableLayer> explainableLayers) {
        this(name, architecture, classes, input, splitLayer, parameters, weights, provenance, explainableLayers, null);
    }

    /** A manifest that does not list its explainable layers (they are measured when the model opens). */
    public ModelManifest(String name, String architecture, List<String> classes, InputSpec input, String splitLayer,
            long parameters, List<String> weights, Provenance provenance) {
        this(name, architecture, classes, input, splitLayer, parameters, weights, provenance, null, null);
    }

    public boolean isTorchScript() {
        return TORCHSCRIPT.equals(architecture);
    }

    /** The same manifest with other provenance. */
    public ModelManifest withProvenance(Provenance p) {
        return new ModelManifest(name, architecture, classes, input, splitLayer, parameters, weights, p,
                explainableLayers, slidingWindow);
    }

    /** The input a caller feeds: the whole frame of a windowed model, else {@link #input()}. */
    public InputSpec frameInput() {
        if (slidingWindow == null) {
            return input;
        }
        return new InputSpec(input.channels(), slidingWindow.frame(), slidingWindow.frame(), input.mean(),
                input.std());
    }
}
