package defectlens.app;

import java.util.ArrayList;
import java.util.List;
import javafx.geometry.Orientation;
import javafx.scene.Node;
import javafx.scene.Parent;
import javafx.scene.control.Labeled;
import javafx.scene.control.ScrollBar;
import javafx.scene.control.ScrollPane;
import javafx.scene.text.Text;

/**
 * Finds what a user cannot read in a laid-out scene graph: every visible {@link Labeled} (label, button, check
 * box, tab, table header and cell, choice box text ...) whose skin renders less than its text (JavaFX 21 has no
 * {@code isTextTruncated}: the skin's text node holds the clipped text with its ellipsis), and every horizontal
 * scroll bar shown by a scroll pane that is meant to fit its content to its width.
 */
public final class Truncations {
    private Truncations() {
    }

    /** One line per unreadable node under {@code root} (which must have been laid out). */
    public static List<String> in(Parent root) {
        List<String> found = new ArrayList<>();
        walk(root, found);
        return found;
    }

    private static void walk(Node node, List<String> found) {
        if (!node.isVisible()) {
            return;
        }
        if (node instanceof Labeled l) {
            check(l, found);
        }
        if (node instanceof ScrollBar bar && bar.getOrientation() == Orientation.HORIZONTAL && fitsWidth(bar)) {
            found.add("horizontal scroll bar in " + describe(bar.getParent()));
        }
        if (node instanceof Parent p) {
            for (Node child : p.getChildrenUnmodifiable()) {
                walk(child, found);
            }
        }
    }

    private static boolean fitsWidth(ScrollBar bar) {
        for (Node n = bar.getParent(); n != null; n = n.getParent()) {
            if (n instanceof ScrollPane sp) {
                return sp.isFitToWidth();
            }
        }
        return false;
    }

    private static void check(Labeled l, List<String> found) {
        String full = l.getText();
        if (full == null || full.isBlank()) {
            return;
        }
        for (Node child : l.getChildrenUnmodifiable()) {
            if (child instanceof Text t && child.isVisible() && child != l.getGraphic()) { // an icon is a Text too
                String shown = t.getText() == null ? "" : t.getText();
                String expected = l.isMnemonicParsing() ? full.replace("_", "") : full;
                if (!shown.equals(expected) && !shown.equals(full)) {
                    found.add(describe(l) + ": \"" + full + "\" shown as \"" + shown + "\" (width "
                            + Math.round(l.getWidth()) + ")");
                }
                return;
            }
        }
    }

    private static String describe(Node n) {
        String id = n.getId() == null ? "" : "#" + n.getId();
        String parentId = "";
        for (Node p = n.getParent(); p != null && parentId.isEmpty(); p = p.getParent()) {
            parentId = p.getId() == null ? "" : " in #" + p.getId();
        }
        return n.getClass().getSimpleName() + id + parentId;
    }
}
