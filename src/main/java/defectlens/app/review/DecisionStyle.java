package defectlens.app.review;

import defectlens.app.look.Icons;
import defectlens.app.look.Looks;
import defectlens.review.DecisionAction;
import javafx.scene.control.Label;
import org.kordamp.ikonli.Ikon;
import org.kordamp.ikonli.feather.Feather;

/** How a decision looks in the queue and the side panel: an icon and a colour per action. */
public final class DecisionStyle {
    private DecisionStyle() {
    }

    /** ✔ accept, ✎ relabel, ? unsure, » skip, ✉ note, ↶ undo. */
    public static String icon(DecisionAction a) {
        return switch (a) {
            case ACCEPT -> "\u2714";
            case RELABEL -> "\u270E";
            case UNSURE -> "?";
            case SKIP -> "\u00BB";
            case NOTE -> "\u2709";
            case UNDO -> "\u21B6";
        };
    }

    /**
     * Puts the icon of a key of the desk's legend on the label saying what it does: a tick for accept, a pencil for
     * relabel (the digits), an arrow for next; other keys have none.
     */
    static Label withIcon(Label what, String key) {
        Ikon ikon = switch (key) {
            case "A" -> Feather.CHECK;
            case "U" -> Feather.HELP_CIRCLE;
            case "N" -> Feather.MESSAGE_SQUARE;
            case "Z" -> Feather.ROTATE_CCW;
            case "PgDn / PgUp" -> Feather.CHEVRONS_DOWN;
            default -> key.length() == 1 && Character.isDigit(key.charAt(0)) ? Feather.EDIT_3 : null;
        };
        return ikon == null ? what : Icons.on(what, ikon);
    }

    /** A text colour of the theme ({@link Looks}): green accept, blue relabel, amber unsure, muted otherwise. */
    public static String styleClass(DecisionAction a) {
        return switch (a) {
            case ACCEPT -> Looks.SUCCESS;
            case RELABEL -> Looks.ACCENT;
            case UNSURE -> Looks.WARNING;
            default -> Looks.MUTED;
        };
    }
}
