package defectlens.review;

import defectlens.core.DefectLensException;
import java.time.Clock;
import java.util.UUID;

/**
 * Makes the decision lines of one reviewer on one review: fills in what every line records besides the choice
 * itself (a fresh id, the review, the item's id and number, the time, the label before, the model's prediction and
 * its top-3 classes with probabilities at this moment, the model's name and weights hash).
 */
public final class DecisionMaker {
    /** How many of the model's classes a decision records. */
    public static final int TOP = 3;

    private final ReviewDefinition definition;
    private final PredictionTable table;
    private final String reviewer;
    private final Clock clock;

    public DecisionMaker(ReviewDefinition definition, PredictionTable table, String reviewer, Clock clock) {
        this.definition = definition;
        this.table = table;
        this.reviewer = ReviewFolder.checkReviewer(reviewer);
        this.clock = clock;
    }

    /** Accepts the model's prediction for an item (which must be classified). */
    public ReviewDecision accept(int index, String source) {
        String predicted = table.predictedName(index);
        if (predicted == null) {
            throw new DefectLensException("item " + table.id(index) + " is not classified yet: nothing to accept");
        }
        return make(index, DecisionAction.ACCEPT, predicted, null, null, source);
    }

    /** Gives an item another class: one of the review's classes. */
    public ReviewDecision relabel(int index, String className, String source) {
        if (!definition.classes().contains(className)) {
            throw new DefectLensException("class '" + className + "' is not one of the review's classes "
                    + definition.classes());
        }
        return make(index, DecisionAction.RELABEL, className, null, null, source);
    }

    /** Marks an item unsure, or skips it; neither sets a class. */
    public ReviewDecision undecided(int index, DecisionAction unsureOrSkip, String source) {
        if (unsureOrSkip != DecisionAction.UNSURE && unsureOrSkip != DecisionAction.SKIP) {
            throw new IllegalArgumentException("unsure or skip, not " + unsureOrSkip);
        }
        return make(index, unsureOrSkip, null, null, null, source);
    }

    /** Adds a note to an item; its decision stays. */
    public ReviewDecision note(int index, String note, String source) {
        return make(index, DecisionAction.NOTE, null, note, null, source);
    }

    /** Withdraws an earlier line of this reviewer (the decision before it shows again). */
    public ReviewDecision undo(ReviewDecision target, String source) {
        if (!reviewer.equals(target.reviewer())) {
            throw new DefectLensException(reviewer + " cannot undo a decision of " + target.reviewer());
        }
        return make(target.index(), DecisionAction.UNDO, null, null, target.id(), source);
    }

    private ReviewDecision make(int index, DecisionAction action, String classAfter, String note, String supersedes,
            String source) {
        return new ReviewDecision(UUID.randomUUID().toString(), definition.id(), table.id(index), index, reviewer,
                ReviewDecision.timeNow(clock), action, table.labelName(index), table.predictedName(index),
                table.top(index, TOP), classAfter, note, supersedes, source, definition.model().shortName());
    }
}
