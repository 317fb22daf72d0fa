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
 * sizes (absent in bundles written before layers were listed).
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
        @JsonProperty("explainable_layers") List<ExplainableLayer> explainableLayers) {
    public static final String TORCHSCRIPT = "torchscript";

    @JsonCreator
    public ModelManifest {
        explainableLayers = explainableLayers == null ? null : List.copyOf(explainableLayers);
        classes = classes == null ? null : List.copyOf(classes);
        weights = weights == null ? null : List.copyOf(weights);
    }

    /** A manifest that does not list its explainable layers (they are measured when the model opens). */
    public ModelManifest(String name, String architecture, List<String> classes, InputSpec input, String splitLayer,
            long parameters, List<String> weights, Provenance provenance) {
        this(name, architecture, classes, input, splitLayer, parameters, weights, provenance, null);
    }

    public boolean isTorchScript() {
        return TORCHSCRIPT.equals(architecture);
    }

    /** The same manifest with other provenance. */
    public ModelManifest withProvenance(Provenance p) {
        return new ModelManifest(name, architecture, classes, input, splitLayer, parameters, weights, p,
                explainableLayers);
    }
}
