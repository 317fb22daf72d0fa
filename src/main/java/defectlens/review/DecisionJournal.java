package defectlens.review;

import defectlens.journal.Journal;
import defectlens.journal.JournalContent;
import defectlens.journal.JournalRecovery;
import defectlens.journal.RecordCodec;
import java.nio.file.Path;
import java.util.List;

/**
 * The decisions journal of one reviewer: a {@link Journal} of {@link ReviewDecision}s, one checksummed line
 * {@code {"crc32":"1a2b3c4d","decision":{...}}} per decision, keyed by the decision's id. Everything that makes it
 * safe (forced appends, torn-line recovery, the lock file, staged merges) is the generic journal's; this class only
 * names the record type.
 */
public final class DecisionJournal implements AutoCloseable {
    /** How a decision is written on a journal line; a decision id already in the journal is not written again. */
    public static final RecordCodec<ReviewDecision> CODEC = new RecordCodec<>("decision", "decision",
            ReviewJson.COMPACT, ReviewDecision.class, ReviewDecision::id);

    private final Journal<ReviewDecision> journal;

    private DecisionJournal(Journal<ReviewDecision> journal) {
        this.journal = journal;
    }

    /** Opens (creating if needed) a journal for writing: locks it, checks it and repairs a damaged tail. */
    public static DecisionJournal open(Path file) {
        return new DecisionJournal(Journal.open(file, CODEC));
    }

    /** Every line of a journal, read without locking or repairing it (see {@link Journal#scan}). */
    public static JournalContent<ReviewDecision> scan(Path file) {
        return Journal.scan(file, CODEC);
    }

    /**
     * Appends a decision and forces it to disk: when this returns, the decision is saved. Returns false when a
     * decision with the same id is already in the journal (nothing is written then).
     */
    public boolean append(ReviewDecision d) {
        return journal.append(d);
    }

    /** The decisions in journal order. */
    public List<ReviewDecision> decisions() {
        return journal.records();
    }

    public boolean contains(String id) {
        return journal.contains(id);
    }

    public JournalRecovery recovery() {
        return journal.recovery();
    }

    public Path file() {
        return journal.file();
    }

    /** The generic journal underneath, for staged merges. */
    Journal<ReviewDecision> journal() {
        return journal;
    }

    @Override
    public void close() {
        journal.close();
    }
}
