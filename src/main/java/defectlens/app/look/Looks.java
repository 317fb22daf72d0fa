package defectlens.app.look;

import java.util.List;
import javafx.scene.Node;

/**
 * The style classes of {@code defectlens.css} that views put on their nodes instead of fixed colours, so that a
 * text reads well in the light and the dark theme.
 */
public final class Looks {
    /** Secondary text: counts, hints, facts. */
    public static final String MUTED = "muted";
    /** A problem, a prediction that differs from the label. */
    public static final String DANGER = "danger-text";
    /** Saved, agrees, accepted. */
    public static final String SUCCESS = "success-text";
    /** Unsure, a warning. */
    public static final String WARNING = "warning-text";
    /** Relabelled: the accent colour. */
    public static final String ACCENT = "accent-text";
    /** A novel (unusual) item. */
    public static final String NOVEL = "novel-text";
    /** The dark grey under images (viewer, wafer map, compare panes), the same in both themes. */
    public static final String IMAGE_SURFACE = "image-surface";
    /** White paper with dark text in both themes: pictures for reports and PNG export. */
    public static final String PAPER = "paper";
    /** A key of the keyboard in a legend. */
    public static final String KEY_CAP = "key-cap";
    /** A row of a list of its own making: a separator line under it. */
    public static final String ROW = "separated-row";
    /** A focused row of a form: the accent's subtle tint. */
    public static final String FOCUSED_ROW = "focused-row";

    /** The text colours a cell switches between. */
    public static final List<String> TEXT_COLOURS = List.of(MUTED, DANGER, SUCCESS, WARNING, ACCENT, NOVEL);

    private Looks() {
    }

    /** Gives a node one class of a family (or none when {@code chosen} is null), e.g. a cell that is reused. */
    public static void choose(Node node, String chosen, List<String> family) {
        node.getStyleClass().removeAll(family);
        if (chosen != null) {
            node.getStyleClass().add(chosen);
        }
    }

    /** Adds a class to a node and returns it. */
    public static <T extends Node> T with(T node, String styleClass) {
        node.getStyleClass().add(styleClass);
        return node;
    }
}
