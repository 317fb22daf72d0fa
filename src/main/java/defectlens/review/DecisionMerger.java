package defectlens.review;

import defectlens.core.DefectLensException;
import defectlens.journal.JournalContent;
import defectlens.journal.JournalReport;
import defectlens.journal.StagedMerge;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

/**
 * Merges decisions journals written elsewhere (another engineer's laptop, a USB stick) into a review folder: each
 * decision goes into the journal of its reviewer; a decision id already there is a duplicate and not written again,
 * so merging the same file twice changes nothing. Every line is checked first ({@link DecisionCheck}): damaged lines,
 * lines of another review, of items or classes the review does not have are refused and reported with their line
 * numbers. A merge is all or nothing ({@link StagedMerge}); when no line is valid nothing is written and the merge
 * fails naming the journal and why. Afterwards the items on which reviewers now disagree are listed.
 */
public final class DecisionMerger {
    private DecisionMerger() {
    }

    /**
     * What a merge did: decisions read (checksummed lines), added, duplicates, lines of another review, decisions
     * added per reviewer, the items where reviewers' classes now differ, and the refused lines.
     */
    public record MergeResult(int read, int added, int duplicates, int otherReview,
            Map<String, Integer> addedPerReviewer, List<DecisionLedger.Conflict> conflicts, JournalReport<ReviewDecision> refused) {
    }

    public static MergeResult merge(ReviewFolder review, PredictionTable items, List<Path> journals) {
        return merge(review, () -> items, journals);
    }

    /**
     * As {@link #merge(ReviewFolder, PredictionTable, List)}, reading the review's items only after every journal
     * has been read (a missing or unreadable journal fails before a large data file is opened).
     */
    public static MergeResult merge(ReviewFolder review, Supplier<PredictionTable> itemsOfReview,
            List<Path> journals) {
        List<JournalContent<ReviewDecision>> contents = new ArrayList<>();
        for (Path f : journals) {
            contents.add(DecisionJournal.scan(f));
        }
        PredictionTable items = itemsOfReview.get();
        JournalReport<ReviewDecision> report = new DecisionCheck(review.definition(), items).check(contents);
        if (report.accepted().isEmpty()) {
            throw nothingValid(contents, report);
        }
        Map<String, List<ReviewDecision>> perReviewer = new LinkedHashMap<>();
        for (ReviewDecision d : report.accepted()) {
            perReviewer.computeIfAbsent(d.reviewer(), k -> new ArrayList<>()).add(d);
        }
        Map<String, List<ReviewDecision>> added = StagedMerge.commitAll(perReviewer,
                reviewer -> DecisionJournal.open(review.journalFile(reviewer)).journal());
        Map<String, Integer> addedPerReviewer = new LinkedHashMap<>();
        added.forEach((reviewer, decisions) -> addedPerReviewer.put(reviewer, decisions.size()));
        int addedCount = addedPerReviewer.values().stream().mapToInt(Integer::intValue).sum();
        int read = contents.stream().mapToInt(c -> c.records().size()).sum();
        int otherReview = report.perReason().getOrDefault(DecisionRefusal.Reason.OTHER_REVIEW.label(), 0);
        List<DecisionLedger.Conflict> conflicts = ReviewDecisions.read(review, items).ledger().conflicts();
        return new MergeResult(read, addedCount, report.accepted().size() - addedCount, otherReview, addedPerReviewer,
                conflicts, report);
    }

    private static DefectLensException nothingValid(List<JournalContent<ReviewDecision>> contents,
            JournalReport<ReviewDecision> report) {
        for (JournalContent<ReviewDecision> c : contents) {
            String name = c.file().toString();
            if (c.records().isEmpty() && c.damagedLines().isEmpty()) {
                return new DefectLensException(c.file(), "nothing merged: the journal is empty");
            }
            if (c.records().isEmpty()) {
                return new DefectLensException(c.file(), "nothing merged: not a decisions journal, no line is a "
                        + "checksummed decision (" + report.describe(name) + ")");
            }
            if (!report.refusedIn(name).isEmpty()) {
                return new DefectLensException(c.file(), "nothing merged, no valid decision: " + report.describe(name));
            }
        }
        return new DefectLensException("nothing merged: no decision in " + journals(contents));
    }

    private static List<Path> journals(List<JournalContent<ReviewDecision>> contents) {
        return contents.stream().map(JournalContent::file).toList();
    }
}
