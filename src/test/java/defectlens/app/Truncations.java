package defectlens.app;

import java.util.ArrayList;
import java.util.List;
import javafx.geometry.Bounds;
import javafx.geometry.Orientation;
import javafx.scene.Node;
import javafx.scene.Parent;
import javafx.scene.chart.Axis;
import javafx.scene.control.Labeled;
import javafx.scene.control.ScrollBar;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.Slider;
import javafx.scene.text.Text;

/**
 * Finds what a user cannot read in a laid-out scene graph: every visible {@link Labeled} (label, button, check
 * box, tab, table header and cell, choice box text ...) whose skin renders less than its text (JavaFX 21 has no
 * {@code isTextTruncated}: the skin's text node holds the clipped text with its ellipsis), every horizontal
 * scroll bar shown by a scroll pane that is meant to fit its content to its width, and the tick labels of every
 * visible {@link Slider} that shows them: they are {@code Text} nodes of the slider's axis, not {@code Labeled}s.
 * A tick label is unreadable when it is drawn smaller than 10 px, when the axis hid it for want of room, when it
 * reaches out of the slider sideways or out of the slider's top or bottom, when it leaves the width of an ancestor
 * (a clipping scroll pane viewport, a side panel) or of the scene, or when it overlaps another tick label. Reaching
 * below a scroll pane's viewport is scrolling, not cutting, so only the slider bounds the labels vertically.
 */
public final class Truncations {
    /** The smallest tick-label font that still reads (JavaFX's axis default is 8 px). */
    private static final double MIN_TICK_FONT = 10;

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
        if (node instanceof Slider s && s.isShowTickLabels()) {
            checkTickLabels(s, found);
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

    private static void checkTickLabels(Slider slider, List<String> found) {
        Axis<?> axis = axisOf(slider);
        if (axis == null) {
            found.add(describe(slider) + ": tick labels shown but no axis in its skin");
            return;
        }
        Bounds sliderBounds = slider.localToScene(slider.getLayoutBounds());
        List<Text> shown = new ArrayList<>();
        for (Text t : tickTexts(axis, new ArrayList<>())) {
            if (t.getText() == null || t.getText().isBlank()) {
                continue;
            }
            String name = describe(slider) + ": tick label \"" + t.getText() + "\"";
            if (!t.isVisible()) {
                found.add(name + " hidden by the axis (no room, width " + Math.round(slider.getWidth()) + ")");
                continue;
            }
            shown.add(t);
            if (t.getFont().getSize() < MIN_TICK_FONT) {
                found.add(name + " in a " + Math.round(t.getFont().getSize()) + " px font");
            }
            Bounds b = t.localToScene(t.getBoundsInLocal());
            if (!inside(b, sliderBounds, true)) {
                found.add(name + " reaches out of the slider (" + span(b) + " in " + span(sliderBounds) + ")");
            }
            for (Node n = slider.getParent(); n != null; n = n.getParent()) {
                Bounds area = n.localToScene(n.getClip() != null ? n.getClip().getBoundsInParent()
                        : n.getLayoutBounds());
                if (!inside(b, area, false)) {
                    found.add(name + " cut by " + describe(n) + " (" + span(b) + " in " + span(area) + ")");
                    break;
                }
            }
            if (b.getMinX() < -0.5 || b.getMaxX() > slider.getScene().getWidth() + 0.5) {
                found.add(name + " out of the window (" + span(b) + ")");
            }
        }
        for (int i = 0; i < shown.size(); i++) {
            for (int j = i + 1; j < shown.size(); j++) {
                Text a = shown.get(i);
                Text c = shown.get(j);
                if (a.localToScene(a.getBoundsInLocal()).intersects(c.localToScene(c.getBoundsInLocal()))) {
                    found.add(describe(slider) + ": tick labels \"" + a.getText() + "\" and \"" + c.getText()
                            + "\" overlap");
                }
            }
        }
    }

    /** The axis's text nodes, its tick labels (the axis's own {@code Label} title is a {@code Labeled}). */
    private static List<Text> tickTexts(Parent p, List<Text> into) {
        for (Node child : p.getChildrenUnmodifiable()) {
            if (child instanceof Text t) {
                into.add(t);
            } else if (child instanceof Parent inner && !(child instanceof Labeled)) {
                tickTexts(inner, into);
            }
        }
        return into;
    }

    private static Axis<?> axisOf(Parent p) {
        for (Node child : p.getChildrenUnmodifiable()) {
            if (child instanceof Axis<?> a) {
                return a;
            }
            if (child instanceof Parent inner) {
                Axis<?> a = axisOf(inner);
                if (a != null) {
                    return a;
                }
            }
        }
        return null;
    }

    /** Whether {@code b} lies within {@code area} sideways (and up and down when asked), to half a pixel. */
    private static boolean inside(Bounds b, Bounds area, boolean vertically) {
        boolean sideways = b.getMinX() >= area.getMinX() - 0.5 && b.getMaxX() <= area.getMaxX() + 0.5;
        return sideways && (!vertically || b.getMinY() >= area.getMinY() - 0.5 && b.getMaxY() <= area.getMaxY() + 0.5);
    }

    private static String span(Bounds b) {
        return String.format(java.util.Locale.ROOT, "x %.1f..%.1f, y %.1f..%.1f", b.getMinX(), b.getMaxX(),
                b.getMinY(), b.getMaxY());
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
