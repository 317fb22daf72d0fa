package defectlens.model;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.List;

/**
 * The content of a bundle's {@code model.json}: name, architecture ({@code efficientnetv2-s} ... or
 * {@code torchscript}), class names in logit order, input spec, split layer, number of trainable
 * parameters, weight files (relative to the bundle) and provenance.
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
        @JsonProperty("provenance") Provenance provenance) {
    public static final String TORCHSCRIPT = "torchscript";

    public ModelManifest {
        classes = classes == null ? null : List.copyOf(classes);
        weights = weights == null ? null : List.copyOf(weights);
    }

    public boolean isTorchScript() {
        return TORCHSCRIPT.equals(architecture);
    }

    /** The same manifest with other provenance. */
    public ModelManifest withProvenance(Provenance p) {
        return new ModelManifest(name, architecture, classes, input, splitLayer, parameters, weights, p);
    }
}
