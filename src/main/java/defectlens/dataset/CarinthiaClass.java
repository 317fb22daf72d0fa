package defectlens.dataset;

import java.util.Locale;
import java.util.Optional;

/**
 * The six classes of the Carinthia / Carinthia-S SEM data sets, in label order (labels 1..6 in the
 * CSV files). Class 6 is confirmed by the data-set authors; 1-5 follow public third-party descriptions.
 * Real class frequencies in Carinthia: 55 / 8 / 4,008 / 289 / 4 / 227.
 */
public enum CarinthiaClass {
    SINGLE_BRIDGE(1, "single_bridge", 55),
    THIN_BRIDGE(2, "thin_bridge", 8),
    LINE_COLLAPSE(3, "line_collapse", 4008),
    LINE_BREAK(4, "line_break", 289),
    MULTI_BRIDGE(5, "multi_bridge", 4),
    NO_DEFECT(6, "no_defect", 227);

    private final int label;
    private final String displayName;
    private final int realCount;

    CarinthiaClass(int label, String displayName, int realCount) {
        this.label = label;
        this.displayName = displayName;
        this.realCount = realCount;
    }

    /** The number used in the CSV {@code label} column (1..6). */
    public int label() {
        return label;
    }

    /** The class name shown to users and stored in model bundles, e.g. {@code line_collapse}. */
    public String displayName() {
        return displayName;
    }

    /** How many images of this class the real Carinthia data set holds. */
    public int realCount() {
        return realCount;
    }

    public static Optional<CarinthiaClass> ofLabel(int label) {
        for (CarinthiaClass c : values()) {
            if (c.label == label) {
                return Optional.of(c);
            }
        }
        return Optional.empty();
    }

    /** Parses a CSV label: the number 1..6 or the class name (case-insensitive, blanks as '_'). */
    public static Optional<CarinthiaClass> parse(String text) {
        if (text == null) {
            return Optional.empty();
        }
        String t = text.trim();
        try {
            return ofLabel(Integer.parseInt(t));
        } catch (NumberFormatException e) {
            String key = t.toLowerCase(Locale.ROOT).replace(' ', '_').replace('-', '_');
            for (CarinthiaClass c : values()) {
                if (c.displayName.equals(key)) {
                    return Optional.of(c);
                }
            }
            return Optional.empty();
        }
    }

    @Override
    public String toString() {
        return displayName;
    }
}
