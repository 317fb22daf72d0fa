package defectlens.app.review;

import defectlens.review.DecisionAction;

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

    /** A CSS colour: green accept, blue relabel, amber unsure, grey otherwise. */
    public static String colour(DecisionAction a) {
        return switch (a) {
            case ACCEPT -> "#2e7d32";
            case RELABEL -> "#1565c0";
            case UNSURE -> "#ef6c00";
            default -> "#616161";
        };
    }
}
