package defectlens.model;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.Map;

/**
 * Where a model's weights came from: training data, seed, epochs run, class balancing, validation
 * metrics of the saved checkpoint, creation time (ISO-8601) and the DefectLens version that made it.
 * Imported models carry only {@code data} (the source files) and {@code created}.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record Provenance(
        @JsonProperty("data") String data,
        @JsonProperty("seed") Long seed,
        @JsonProperty("epochs") Integer epochs,
        @JsonProperty("balance") String balance,
        @JsonProperty("metrics") Map<String, Object> metrics,
        @JsonProperty("created") String created,
        @JsonProperty("app_version") String appVersion) {
}
