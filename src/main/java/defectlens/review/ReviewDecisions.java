package defectlens.review;

import defectlens.journal.JournalContent;
import defectlens.journal.JournalReport;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * The decisions of a review folder as they stand: every {@code decisions/*.jsonl} journal read (without locking
 * them, so a window may be writing), each line checked against the review ({@link DecisionCheck}), the accepted
 * ones folded into a {@link DecisionLedger}. Refused lines are reported, never silently dropped.
 */
public final class ReviewDecisions {
    private ReviewDecisions() {
    }

    /** The ledger of the accepted lines and the report of the refused ones. */
    public record Read(DecisionLedger ledger, JournalReport<ReviewDecision> report) {
    }

    /** Reads and checks every decisions journal of the review against its items. */
    public static Read read(ReviewFolder review, PredictionTable items) {
        return check(review, items, scan(review));
    }

    /** Every decisions journal of the review, read without locking or checking (see {@link #check}). */
    public static List<JournalContent<ReviewDecision>> scan(ReviewFolder review) {
        List<JournalContent<ReviewDecision>> contents = new ArrayList<>();
        for (Path f : review.journals()) {
            contents.add(DecisionJournal.scan(f));
        }
        return contents;
    }

    /** Checks scanned journals against the review's items and folds the accepted lines. */
    public static Read check(ReviewFolder review, PredictionTable items, List<JournalContent<ReviewDecision>> contents) {
        JournalReport<ReviewDecision> report = new DecisionCheck(review.definition(), items).check(contents);
        return new Read(DecisionLedger.of(report.accepted()), report);
    }
}
