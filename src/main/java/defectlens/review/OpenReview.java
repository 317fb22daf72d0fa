package defectlens.review;

import defectlens.journal.JournalReport;
import java.nio.file.Path;
import java.util.Optional;

/**
 * A review opened from its folder alone, as the window opens it before the data file is read: review.json, the
 * cached predictions (when the data file's stamp and the model's weights are unchanged) and every reviewer's
 * decisions (checked against the review: refused lines are reported in {@link #refused}). With 811,457 wafer
 * maps this shows the queue and the confusion matrix while the maps themselves load.
 */
public record OpenReview(ReviewFolder folder, PredictionTable table, DecisionLedger ledger,
        JournalReport<ReviewDecision> refused) {

    /** The review with its cached predictions, or empty when they must be checked against the data first. */
    public static Optional<OpenReview> fromCache(Path dir) {
        ReviewFolder f = ReviewFolder.open(dir);
        return ReviewPredictions.cached(f, ModelFingerprint.current(f), DataFingerprint.stamp(f.dataPath())).map(t -> {
            ReviewDecisions.Read read = ReviewDecisions.read(f, t);
            return new OpenReview(f, t, read.ledger(), read.report());
        });
    }

    /** The class an item really is: the reviewers' class where they decided one, else its label (null: unknown). */
    public String truth(int i) {
        String c = ledger.classAfter(i);
        return c != null ? c : table.labelName(i);
    }
}
