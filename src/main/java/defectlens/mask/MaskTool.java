package defectlens.mask;

/** The tools of the mask editor, with the key that picks each (shown in the Edit menu). */
public enum MaskTool {
    BRUSH("Brush", "B"),
    ERASER("Eraser", "X"),
    POLYGON("Polygon / lasso fill", "P"),
    FLOOD_FILL("Flood fill", "Shift+B"),
    DELETE_COMPONENT("Delete connected component", "D"),
    INVERT_BOX("Invert inside a box", "I"),
    GRABCUT_BOX("GrabCut in a box", "K");

    private final String label;
    private final String key;

    MaskTool(String label, String key) {
        this.label = label;
        this.key = key;
    }

    public String label() {
        return label;
    }

    /** The key that picks the tool while editing, e.g. {@code Shift+B}. */
    public String key() {
        return key;
    }

    @Override
    public String toString() {
        return label;
    }
}
