package defectlens.model;

import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.ArrayList;
import java.util.List;

/**
 * How a model trained on native-resolution crops classifies a whole frame, as recorded in {@code model.json}
 * ({@code sliding_window}): the frame (resized to {@code frame x frame} first, as any input), windows of
 * {@code window} pixels (the network's input) every {@code stride} pixels with the last window flush with the
 * frame's edge, and the aggregation rule {@value #DEFECT_MAX}: each defect class gets its largest probability over
 * the windows, the background class ({@code background}, e.g. {@code no_defect}) its smallest, and the frame's
 * probabilities are these values normalised to sum 1. So a frame is the background class only when even its least
 * sure window is surer of the background than any window is of any defect; one window that sees a defect
 * decides, which is what a reviewer wants of a 2 px bridge in a 480 px frame.
 */
public record SlidingWindow(
        @JsonProperty("frame") int frame,
        @JsonProperty("window") int window,
        @JsonProperty("stride") int stride,
        @JsonProperty("background") String background,
        @JsonProperty("aggregation") String aggregation) {
    /** The aggregation rule's name in {@code model.json}. */
    public static final String DEFECT_MAX = "defect-max-background-min";

    public SlidingWindow {
        if (window < 1 || frame < window || stride < 1 || stride > window) {
            throw new IllegalArgumentException("sliding window needs 1 <= window <= frame and 1 <= stride <= window: "
                    + "frame " + frame + ", window " + window + ", stride " + stride);
        }
    }

    /** Windows of {@code window} px every {@code stride} px over frames of {@code frame} px, rule {@value #DEFECT_MAX}. */
    public static SlidingWindow of(int frame, int window, int stride, String background) {
        return new SlidingWindow(frame, window, stride, background, DEFECT_MAX);
    }

    /** The left (or top) edges of the windows along one side: 0, stride, ..., and frame - window last. */
    @JsonIgnore
    public List<Integer> offsets() {
        List<Integer> out = new ArrayList<>();
        for (int o = 0; o + window < frame; o += stride) {
            out.add(o);
        }
        out.add(frame - window);
        return out;
    }

    /** The number of windows per frame. */
    @JsonIgnore
    public int count() {
        int n = offsets().size();
        return n * n;
    }

    /**
     * The frame's class probabilities from its windows' ({@code probs[w][c]}); {@code backgroundIndex} -1 when the
     * model has no background class (then every class takes its largest probability).
     */
    public static double[] aggregate(float[][] probs, int backgroundIndex) {
        int k = probs[0].length;
        double[] out = new double[k];
        double sum = 0;
        for (int c = 0; c < k; c++) {
            out[c] = probs[decidingWindow(probs, c, backgroundIndex)][c];
            sum += out[c];
        }
        for (int c = 0; c < k; c++) {
            out[c] = sum > 0 ? out[c] / sum : 1.0 / k;
        }
        return out;
    }

    /**
     * The window ({@code probs[w][c]}) whose probability of class {@code c} the rule takes: the most probable window
     * for a defect class, the least probable for the background class {@code backgroundIndex}; the first on ties.
     */
    public static int decidingWindow(float[][] probs, int c, int backgroundIndex) {
        boolean background = c == backgroundIndex;
        int best = 0;
        for (int v = 1; v < probs.length; v++) {
            if (background ? probs[v][c] < probs[best][c] : probs[v][c] > probs[best][c]) {
                best = v;
            }
        }
        return best;
    }
}
