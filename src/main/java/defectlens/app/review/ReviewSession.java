package defectlens.app.review;

import defectlens.core.DefectLensException;
import defectlens.review.DecisionAction;
import defectlens.review.DecisionJournal;
import defectlens.review.DecisionLedger;
import defectlens.review.DecisionMaker;
import defectlens.review.PredictionTable;
import defectlens.review.ReviewDecision;
import defectlens.review.ReviewDecisions;
import defectlens.review.ReviewFolder;
import defectlens.review.novelty.ReviewNovelty;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * One reviewer at work on one review: the review folder, its predictions, the reviewer's own decisions journal
 * (open and locked while the session lasts) and the decisions of every reviewer folded into a
 * {@link DecisionLedger}. {@link #decide} returns only after the journal has forced the line to disk, so a
 * caller may say "Saved" then. Decisions are made on one thread (the window's journal lane); the ledger is
 * replaced whole after each, so other threads always read a consistent one.
 */
public final class ReviewSession implements AutoCloseable {
    private final ReviewFolder folder;
    private final PredictionTable table;
    private final String stale;
    private final String reviewer;
    private final DecisionJournal journal;
    private final Clock clock;
    private final List<ReviewDecision> lines;
    private volatile DecisionLedger ledger;
    private volatile ReviewNovelty novelty;
    private final boolean noveltyFit;

    private ReviewSession(ReviewFolder folder, PredictionTable table, String stale, String reviewer,
            DecisionJournal journal, List<ReviewDecision> lines, Clock clock) {
        this.folder = folder;
        this.table = table;
        this.stale = stale;
        this.reviewer = reviewer;
        this.journal = journal;
        this.lines = lines;
        this.clock = clock;
        this.ledger = DecisionLedger.of(lines);
        this.novelty = ReviewNovelty.load(folder).orElse(null);
        this.noveltyFit = ReviewNovelty.hasFit(folder);
    }

    /**
     * Opens {@code reviewer}'s journal of the review (creating it, locking it, repairing a torn tail) and reads
     * the journals of the other reviewers beside it. Slow work: call it off the UI thread.
     *
     * @param stale why the cached predictions could not be used, or null
     */
    public static ReviewSession open(ReviewFolder folder, PredictionTable table, String stale, String reviewer,
            Clock clock) {
        Path own = folder.journalFile(ReviewFolder.checkReviewer(reviewer));
        DecisionJournal journal = DecisionJournal.open(own);
        List<ReviewDecision> lines;
        try {
            // every journal, this reviewer's included, checked against the review: a line of another review or
            // of an item it does not hold is left out (the CLI's review status lists such lines)
            lines = new ArrayList<>(ReviewDecisions.read(folder, table).report().accepted());
        } catch (RuntimeException e) {
            journal.close();
            throw e;
        }
        return new ReviewSession(folder, table, stale, reviewer, journal, lines, clock);
    }

    /**
     * Writes one decision on item {@code index} and returns it once it is on disk. {@code classAfter} is the chosen
     * class of a relabel (ignored otherwise: an accept takes the prediction); {@code note} may be null.
     */
    public synchronized ReviewDecision decide(int index, DecisionAction action, String classAfter, String note,
            String source) {
        DecisionMaker maker = maker();
        ReviewDecision d = switch (action) {
            case ACCEPT -> {
                requirePrediction(index);
                yield maker.accept(index, source);
            }
            case RELABEL -> maker.relabel(index, classAfter, source);
            case UNSURE, SKIP -> maker.undecided(index, action, source);
            case NOTE -> maker.note(index, note, source);
            case UNDO -> throw new IllegalArgumentException("an undo names the line it withdraws: use undo()");
        };
        return write(d);
    }

    /** Withdraws this reviewer's current decision on {@code index}; empty when there is none to withdraw. */
    public synchronized Optional<ReviewDecision> undo(int index, String source) {
        Optional<ReviewDecision> target = ledger.current(index, reviewer);
        return target.map(t -> write(maker().undo(t, source)));
    }

    /** Fills in what every line records besides the choice (the definition may have new fingerprints). */
    private DecisionMaker maker() {
        return new DecisionMaker(folder.definition(), table, reviewer, clock);
    }

    private void requirePrediction(int index) {
        if (table.predictedName(index) == null) {
            throw new DefectLensException(folder.dir(), "item " + table.id(index)
                    + " has no prediction yet to accept: classify the missing items first");
        }
    }

    private ReviewDecision write(ReviewDecision d) {
        journal.append(d);
        lines.add(d);
        ledger = DecisionLedger.of(lines);
        return d;
    }

    public ReviewFolder folder() {
        return folder;
    }

    public PredictionTable table() {
        return table;
    }

    /** Why the cached predictions were not used (other weights, changed data), or null. */
    public String stale() {
        return stale;
    }

    /** The items' novelty scores kept in the review (null: none, e.g. the model has no novelty fit). */
    public ReviewNovelty novelty() {
        return novelty;
    }

    /** Whether the review's model bundle has a novelty fit for its weights (read when the session opened). */
    public boolean hasNoveltyFit() {
        return noveltyFit;
    }

    /** Replaces the novelty scores after a run made more of them. */
    public void setNovelty(ReviewNovelty scores) {
        this.novelty = scores;
    }

    public String reviewer() {
        return reviewer;
    }

    /** The decisions of every reviewer as they stand now. */
    public DecisionLedger ledger() {
        return ledger;
    }

    /** The class an item really is as far as the review knows: the decided class, else its label (null). */
    public String truth(int index) {
        String after = ledger.classAfter(index);
        return after != null ? after : table.labelName(index);
    }

    /** Closes (and unlocks) the reviewer's journal. */
    @Override
    public void close() {
        journal.close();
    }
}
