package defectlens.wafer;

import java.util.List;
import java.util.Locale;

/**
 * Which WM-811K failure types a model distinguishes: the Radon/kernel-flip paper's 7 (no {@code none},
 * no {@code Near-full}), 8 (adds {@code Near-full}), or all 9 as a fab would run it. Names are spelled
 * as the data set spells them.
 */
public enum WaferClassSet {
    PAPER7("paper7", List.of("Center", "Donut", "Edge-Loc", "Edge-Ring", "Loc", "Random", "Scratch")),
    EIGHT("all8", List.of("Center", "Donut", "Edge-Loc", "Edge-Ring", "Loc", "Near-full", "Random", "Scratch")),
    ALL9("all9", List.of("Center", "Donut", "Edge-Loc", "Edge-Ring", "Loc", "Near-full", "Random", "Scratch", "none"));

    private final String id;
    private final List<String> classes;

    WaferClassSet(String id, List<String> classes) {
        this.id = id;
        this.classes = classes;
    }

    public String id() {
        return id;
    }

    /** Class names in model output order. */
    public List<String> classes() {
        return classes;
    }

    /** Index of a label in this set, or -1 when the set does not include it. */
    public int indexOf(String label) {
        return label == null ? -1 : classes.indexOf(label);
    }

    public static WaferClassSet parse(String text) {
        String t = text.trim().toLowerCase(Locale.ROOT);
        for (WaferClassSet s : values()) {
            if (s.id.equals(t) || s.name().toLowerCase(Locale.ROOT).equals(t)) {
                return s;
            }
        }
        throw new IllegalArgumentException("unknown class set '" + text + "' (paper7, all8 or all9)");
    }
}
