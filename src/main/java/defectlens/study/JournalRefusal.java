package defectlens.study;

import defectlens.journal.RefusedLine;

/**
 * A journal line that was not taken into a study: the journal, the line number (1-based), the reason
 * (one of the {@link Reason} labels, so refusals can be counted per reason) and the detail of this line
 * (e.g. {@code "value 99"}).
 */
public record JournalRefusal(String journal, int line, String reason, String detail) implements RefusedLine {

    /** Why a line is refused. */
    public enum Reason {
        DAMAGED("damaged line (bad checksum or not a journal line)"),
        OTHER_STUDY("rating of another study"),
        OUTSIDE_SCALE("value outside the questionnaire's scale"),
        UNKNOWN_QUESTION("question not in the questionnaire"),
        UNKNOWN_IMAGE("image not in the study plan"),
        UNKNOWN_METHOD("method not in the study plan"),
        INVALID_RATER("rater id not usable (letters, digits, '.', '_', '-')");

        private final String label;

        Reason(String label) {
            this.label = label;
        }

        public String label() {
            return label;
        }
    }

    static JournalRefusal of(String journal, int line, Reason reason, String detail) {
        return new JournalRefusal(journal, line, reason.label(), detail);
    }
}
