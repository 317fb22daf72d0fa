package defectlens.review;

import defectlens.core.DefectLensException;
import defectlens.journal.Journal;
import java.math.BigDecimal;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;

/**
 * Accepts, for one reviewer, every prediction of one class at or above a confidence: the scriptable bulk decision
 * of {@code review decide}. Each accepted item gets its own decision line with the source
 * {@code "bulk: accept <class> at p >= <p>"}, so a bulk decision is never mistaken for a look at the item. Items
 * this reviewer has already decided are left as they are. The lines are written in one staged step (one flush,
 * all or nothing), not one forced append per item.
 */
public final class BulkAccept {
    private BulkAccept() {
    }

    /** What a bulk accept did: items of the class at or above the confidence, accepted now, decided before. */
    public record Result(String className, double minConfidence, String source, int eligible, int accepted,
            int alreadyDecided, int notClassified) {
    }

    public static Result run(ReviewFolder review, PredictionTable table, String reviewer, String className,
            double minConfidence, Clock clock) {
        ReviewDefinition def = review.definition();
        if (!def.classes().contains(className)) {
            throw new DefectLensException(review.dir(), "class '" + className + "' is not one of the review's classes "
                    + def.classes());
        }
        if (!(minConfidence >= 0 && minConfidence <= 1)) {
            throw new DefectLensException("--min-confidence must be between 0 and 1, not " + minConfidence);
        }
        String source = "bulk: accept " + className + " at p >= "
                + new BigDecimal(Double.toString(minConfidence)).stripTrailingZeros().toPlainString();
        DecisionMaker maker = new DecisionMaker(def, table, reviewer, clock);
        // probabilities are stored as floats: 0.95 means the float 0.95, as the window shows it
        float threshold = (float) minConfidence;
        int eligible = 0;
        int decided = 0;
        int notClassified = 0;
        try (DecisionJournal journal = DecisionJournal.open(review.journalFile(reviewer))) {
            DecisionLedger own = DecisionLedger.of(journal.decisions()).only(reviewer);
            List<ReviewDecision> accepts = new ArrayList<>();
            for (int i = 0; i < table.size(); i++) {
                if (!table.isDone(i)) {
                    notClassified++;
                } else if (className.equals(table.predictedName(i)) && table.confidence(i) >= threshold) {
                    eligible++;
                    if (own.current(i, reviewer).filter(d -> d.action().decides()).isPresent()) {
                        decided++;
                    } else {
                        accepts.add(maker.accept(i, source));
                    }
                }
            }
            if (!accepts.isEmpty()) {
                Journal.Staged<ReviewDecision> staged = journal.journal().stage(accepts);
                journal.journal().commit(staged);
            }
            return new Result(className, minConfidence, source, eligible, accepts.size(), decided, notClassified);
        }
    }
}
