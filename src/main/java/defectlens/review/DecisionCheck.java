package defectlens.review;

import defectlens.core.DefectLensException;
import defectlens.journal.JournalContent;
import defectlens.journal.JournalReport;
import defectlens.journal.LineCheck;
import defectlens.journal.RefusedLine;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Checks decision lines against a review before they count: each must belong to this review (its id), name an item
 * of it (number in range, and the same item id at that number), carry an action, a usable reviewer name and a time,
 * give a class of the review (its model's classes, or a label class of its data) when it accepts or relabels, and
 * name its target when it undoes. Damaged lines are refused too. Nothing is guessed: a refused line is reported with
 * its journal, line number and reason.
 */
public final class DecisionCheck implements LineCheck<ReviewDecision> {
    private final String reviewId;
    private final PredictionTable items;
    private final Set<String> classes = new HashSet<>();

    public DecisionCheck(ReviewDefinition definition, PredictionTable items) {
        this.reviewId = definition.id();
        this.items = items;
        classes.addAll(definition.classes());
        classes.addAll(items.labelClasses());
    }

    /** The accepted decisions of the journals, in journal order, and every refused line. */
    public JournalReport<ReviewDecision> check(List<JournalContent<ReviewDecision>> contents) {
        return JournalReport.check(contents, this);
    }

    @Override
    public RefusedLine damaged(String journal, int line) {
        return DecisionRefusal.of(journal, line, DecisionRefusal.Reason.DAMAGED, "");
    }

    @Override
    public RefusedLine refusal(String journal, int line, ReviewDecision d) {
        if (!reviewId.equals(d.review())) {
            return DecisionRefusal.of(journal, line, DecisionRefusal.Reason.OTHER_REVIEW, "review " + d.review());
        }
        if (d.index() < 0 || d.index() >= items.size() || !items.id(d.index()).equals(d.item())) {
            return DecisionRefusal.of(journal, line, DecisionRefusal.Reason.UNKNOWN_ITEM, "item " + d.item()
                    + " at " + d.index() + " of " + items.size());
        }
        if (d.reviewer() == null || !validReviewer(d.reviewer())) {
            return DecisionRefusal.of(journal, line, DecisionRefusal.Reason.INVALID_REVIEWER, "reviewer "
                    + d.reviewer());
        }
        if (d.action() == null || d.time() == null) {
            return DecisionRefusal.of(journal, line, DecisionRefusal.Reason.INCOMPLETE, d.action() == null
                    ? "no action" : "no time");
        }
        if (d.action().setsClass() && (d.classAfter() == null || !classes.contains(d.classAfter()))) {
            return DecisionRefusal.of(journal, line, DecisionRefusal.Reason.UNKNOWN_CLASS, "class "
                    + d.classAfter());
        }
        if (d.action() == DecisionAction.UNDO && d.supersedes() == null) {
            return DecisionRefusal.of(journal, line, DecisionRefusal.Reason.INCOMPLETE, "undo without target");
        }
        return null;
    }

    private static boolean validReviewer(String reviewer) {
        try {
            ReviewFolder.checkReviewer(reviewer);
            return true;
        } catch (DefectLensException e) {
            return false;
        }
    }
}
