package defectlens.model;

import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.List;
import java.util.Locale;

/**
 * A layer where a model can be split for an explanation (a stage output of EfficientNetV2, or the one
 * split layer of an imported TorchScript model), with the size of its feature map for the bundle's
 * input: GradCAM at this layer gives a {@code height x width} map of {@code channels} channels.
 */
public record ExplainableLayer(
        @JsonProperty("name") String name,
        @JsonProperty("channels") int channels,
        @JsonProperty("height") int height,
        @JsonProperty("width") int width) {

    /** The rule that picks the default layer, as stated in outputs. */
    public static final String DEFAULT_RULE = "the deepest layer whose map side is at least 1/16 of the input side";

    /** Divisor of the input side in {@link #DEFAULT_RULE}. */
    public static final int DEFAULT_SIDE_DIVISOR = 16;

    /** The shorter side of the map. */
    @JsonIgnore
    public int side() {
        return Math.min(height, width);
    }

    /**
     * The default layer by {@link #DEFAULT_RULE}: of {@code layers} (shallow to deep), the deepest one whose
     * shorter map side is at least the shorter input side / 16; when none is, the one with the largest map.
     */
    public static ExplainableLayer defaultOf(List<ExplainableLayer> layers, InputSpec input) {
        if (layers.isEmpty()) {
            throw new IllegalArgumentException("no explainable layers");
        }
        double least = Math.min(input.height(), input.width()) / (double) DEFAULT_SIDE_DIVISOR;
        ExplainableLayer pick = null;
        ExplainableLayer largest = layers.get(0);
        for (ExplainableLayer l : layers) {
            if (l.side() >= least) {
                pick = l;
            }
            if (l.side() > largest.side()) {
                largest = l;
            }
        }
        return pick != null ? pick : largest;
    }

    /** E.g. {@code stage4 (64 x 12 x 12)}. */
    public String describe() {
        return String.format(Locale.ROOT, "%s (%d x %d x %d)", name, channels, height, width);
    }
}
