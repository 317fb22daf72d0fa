package defectlens.study;

import java.util.Map;
import java.util.TreeMap;

/**
 * A Likert response scale: the allowed whole values {@code min..max} and the anchor label of each
 * value (for the explanation-satisfaction scale 1 = "Strongly disagree" ... 5 = "Strongly agree").
 */
public record LikertScale(int min, int max, Map<Integer, String> anchors) {
    public LikertScale {
        if (min >= max) {
            throw new IllegalArgumentException("a Likert scale needs min < max, got " + min + ".." + max);
        }
        anchors = anchors == null ? Map.of() : new TreeMap<>(anchors);
    }

    public boolean accepts(int value) {
        return value >= min && value <= max;
    }

    /** The anchor label of a value, or the value itself when the scale names no anchor for it. */
    public String anchor(int value) {
        return anchors.getOrDefault(value, Integer.toString(value));
    }

    public int points() {
        return max - min + 1;
    }
}
