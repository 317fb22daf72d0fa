package defectlens.wafer;

/** The train/test split a WM-811K wafer belongs to, as its {@code trianTestLabel} column says. */
public enum WaferSplit {
    TRAINING("Training"),
    TEST("Test"),
    NONE("none");

    private final String label;

    WaferSplit(String label) {
        this.label = label;
    }

    /** The name the WM-811K files use ({@code Training}, {@code Test}), or {@code none}. */
    public String label() {
        return label;
    }

    /** The split a label names; null, empty and unknown labels mean no split. */
    public static WaferSplit fromLabel(String text) {
        if (text == null) {
            return NONE;
        }
        String t = text.strip().toLowerCase(java.util.Locale.ROOT);
        if (t.equals("training") || t.equals("train")) {
            return TRAINING;
        }
        return t.equals("test") ? TEST : NONE;
    }
}
