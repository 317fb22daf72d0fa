package defectlens.mask;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import defectlens.journal.Journal;
import defectlens.journal.JournalContent;
import defectlens.journal.JournalRecovery;
import defectlens.journal.RecordCodec;
import java.nio.file.Path;
import java.util.List;

/**
 * The mask validations of one expert: a {@link Journal} of {@link MaskVerdict}s, one checksummed line
 * {@code {"crc32":"1a2b3c4d","mask":{...}}} per verdict, keyed by its id. Forced appends, torn-line recovery, the
 * lock file and staged merges are the generic journal's; this class only names the record type.
 */
public final class MaskValidationJournal implements AutoCloseable {
    /** How a verdict is written on a journal line. */
    public static final RecordCodec<MaskVerdict> CODEC = new RecordCodec<>("mask", "mask validation",
            new ObjectMapper().configure(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES, false),
            MaskVerdict.class, MaskVerdict::id);

    private final Journal<MaskVerdict> journal;

    private MaskValidationJournal(Journal<MaskVerdict> journal) {
        this.journal = journal;
    }

    /** Opens (creating if needed) a journal for writing: locks it, checks it and repairs a damaged tail. */
    public static MaskValidationJournal open(Path file) {
        return new MaskValidationJournal(Journal.open(file, CODEC));
    }

    /** Every line of a journal, read without locking or repairing it (another expert's journal). */
    public static JournalContent<MaskVerdict> scan(Path file) {
        return Journal.scan(file, CODEC);
    }

    /** Appends a verdict and forces it to disk: when this returns, it is saved. */
    public boolean append(MaskVerdict v) {
        return journal.append(v);
    }

    /** The verdicts in journal order. */
    public List<MaskVerdict> verdicts() {
        return journal.records();
    }

    public JournalRecovery recovery() {
        return journal.recovery();
    }

    public Path file() {
        return journal.file();
    }

    @Override
    public void close() {
        journal.close();
    }
}
