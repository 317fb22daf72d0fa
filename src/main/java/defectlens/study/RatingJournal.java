package defectlens.study;

import defectlens.journal.Journal;
import defectlens.journal.JournalContent;
import defectlens.journal.JournalRecovery;
import defectlens.journal.RecordCodec;
import java.nio.file.Path;
import java.util.List;

/**
 * The ratings journal of one rater: a {@link Journal} of {@link Rating}s, one checksummed line
 * {@code {"crc32":"1a2b3c4d","rating":{...}}} per submitted rating, keyed by submission id. Everything that makes
 * it safe (forced appends, torn-line recovery, the lock file, staged merges) is the generic journal's; this class
 * only names the record type and keeps the rating vocabulary of the study code.
 */
public final class RatingJournal implements AutoCloseable {
    /** How a rating is written on a journal line; a submission id already in the journal is not written again. */
    public static final RecordCodec<Rating> CODEC = new RecordCodec<>("rating", "rating", StudyJson.COMPACT,
            Rating.class, Rating::submissionId);

    private final Journal<Rating> journal;

    private RatingJournal(Journal<Rating> journal) {
        this.journal = journal;
    }

    /** Opens (creating if needed) a journal for writing: locks it, checks it and repairs a damaged tail. */
    public static RatingJournal open(Path file) {
        return new RatingJournal(Journal.open(file, CODEC));
    }

    /** The good ratings of a journal, read without locking or repairing it (for analysis and merging). */
    public static List<Rating> read(Path file) {
        return scan(file).records();
    }

    /** Every line of a journal, read without locking or repairing it (see {@link Journal#scan}). */
    public static JournalContent<Rating> scan(Path file) {
        return Journal.scan(file, CODEC);
    }

    /**
     * Appends a rating and forces it to disk. Returns true when written, false when a rating with the same
     * submission id is already in the journal (nothing is written then).
     */
    public boolean append(Rating r) {
        return journal.append(r);
    }

    public List<Rating> ratings() {
        return journal.records();
    }

    public boolean contains(String submissionId) {
        return journal.contains(submissionId);
    }

    public JournalRecovery recovery() {
        return journal.recovery();
    }

    public Path file() {
        return journal.file();
    }

    /** The generic journal underneath, for staged merges. */
    Journal<Rating> journal() {
        return journal;
    }

    @Override
    public void close() {
        journal.close();
    }
}
