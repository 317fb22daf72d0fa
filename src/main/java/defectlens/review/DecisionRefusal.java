package defectlens.review;

import defectlens.journal.RefusedLine;

/**
 * A decisions-journal line that was not taken into a review: the journal, the line number (1-based), the reason
 * (one of the {@link Reason} labels) and the detail of this line (e.g. {@code "item 812 of 200"}).
 */
public record DecisionRefusal(String journal, int line, String reason, String detail) implements RefusedLine {

    /** Why a decision line is refused. */
    public enum Reason {
        DAMAGED("damaged line (bad checksum or not a decision line)"),
        OTHER_REVIEW("decision of another review"),
        UNKNOWN_ITEM("item not in the review"),
        UNKNOWN_CLASS("class not among the review's classes"),
        INCOMPLETE("incomplete decision"),
        INVALID_REVIEWER("reviewer name not usable (letters, digits, '.', '_', '-')");

        private final String label;

        Reason(String label) {
            this.label = label;
        }

        public String label() {
            return label;
        }
    }

    /** The longest detail kept: a hostile line's values are shown, not replayed. */
    static final int MAX_DETAIL = 80;

    /** A refusal; control characters in the detail (taken from the line) become '?' and it is cut to 80. */
    static DecisionRefusal of(String journal, int line, Reason reason, String detail) {
        String d = detail.replaceAll("\\p{Cntrl}", "?");
        return new DecisionRefusal(journal, line, reason.label(), d.length() > MAX_DETAIL
                ? d.substring(0, MAX_DETAIL) + "..." : d);
    }
}
