package defectlens.review;

import defectlens.core.DefectLensException;
import defectlens.journal.JournalContent;
import defectlens.journal.JournalReport;
import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
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

    /** The decisions journals of a review, by file name. */
    public static List<Path> journals(ReviewFolder review) {
        Path dir = review.decisionsDir();
        List<Path> files = new ArrayList<>();
        if (!Files.isDirectory(dir)) {
            return files;
        }
        try (DirectoryStream<Path> ds = Files.newDirectoryStream(dir, "*.jsonl")) {
            ds.forEach(files::add);
        } catch (IOException e) {
            throw new DefectLensException(dir, "cannot list the decisions journals: " + e.getMessage(), e);
        }
        files.sort(null);
        return files;
    }

    /** Reads and checks every decisions journal of the review against its items. */
    public static Read read(ReviewFolder review, PredictionTable items) {
        List<JournalContent<ReviewDecision>> contents = new ArrayList<>();
        for (Path f : journals(review)) {
            contents.add(DecisionJournal.scan(f));
        }
        JournalReport<ReviewDecision> report = new DecisionCheck(review.definition(), items).check(contents);
        return new Read(DecisionLedger.of(report.accepted()), report);
    }
}
