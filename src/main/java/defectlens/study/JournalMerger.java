package defectlens.study;

import defectlens.journal.JournalReport;
import defectlens.core.DefectLensException;
import defectlens.journal.JournalContent;
import defectlens.journal.StagedMerge;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Merges journals written elsewhere (another machine, a USB stick) into a study folder: each rating
 * goes into the journal of its rater; a submission id already there is recognised as a duplicate and
 * not written again, so merging the same file twice changes nothing. Every line is checked first
 * ({@link JournalValidation}): damaged lines and ratings outside the plan or the scale are refused and
 * reported with their line numbers. A merge is all or nothing: every journal it touches is written
 * to a temporary file first and only then moved into place; when no valid rating is found nothing is
 * written and the merge fails with the refusals as its reason.
 */
public final class JournalMerger {
    private JournalMerger() {
    }

    /** What a merge did: ratings read (checksummed lines), added, duplicates, and the refused lines. */
    public record MergeResult(int read, int added, int duplicates, int otherStudy, Map<String, Integer> addedPerRater,
            JournalReport<Rating> refused) {
    }

    public static MergeResult merge(StudyFolder study, List<Path> journals) {
        List<JournalContent<Rating>> contents = new ArrayList<>();
        for (Path f : journals) {
            contents.add(RatingJournal.scan(f));
        }
        JournalReport<Rating> report = new JournalValidation(study.plan()).checkContents(contents);
        if (report.accepted().isEmpty()) {
            throw nothingValid(contents, report);
        }
        Map<String, List<Rating>> perRater = new LinkedHashMap<>();
        for (Rating r : report.accepted()) {
            perRater.computeIfAbsent(r.rater(), k -> new ArrayList<>()).add(r);
        }
        Map<String, List<Rating>> added = StagedMerge.commitAll(perRater,
                rater -> study.openJournal(rater).journal());
        Map<String, Integer> addedPerRater = new LinkedHashMap<>();
        added.forEach((rater, ratings) -> {
            if (!ratings.isEmpty()) {
                addedPerRater.put(rater, ratings.size());
            }
        });
        int addedCount = addedPerRater.values().stream().mapToInt(Integer::intValue).sum();
        int read = contents.stream().mapToInt(c -> c.records().size()).sum();
        int otherStudy = report.perReason().getOrDefault(JournalRefusal.Reason.OTHER_STUDY.label(), 0);
        return new MergeResult(read, addedCount, report.accepted().size() - addedCount, otherStudy, addedPerRater,
                report);
    }

    private static DefectLensException nothingValid(List<JournalContent<Rating>> contents, JournalReport<Rating> report) {
        JournalContent<Rating> first = contents.stream().filter(c -> !report.refusedIn(c.file().toString()).isEmpty())
                .findFirst().orElse(contents.get(0));
        if (first.records().isEmpty() && first.damagedLines().isEmpty()) {
            return new DefectLensException(first.file(), "nothing merged: the journal is empty");
        }
        if (first.records().isEmpty()) {
            return new DefectLensException(first.file(), "nothing merged: not a ratings journal, no line is a "
                    + "checksummed rating (" + report.describe(first.file().toString()) + ")");
        }
        return new DefectLensException(first.file(), "nothing merged, no valid rating: "
                + report.describe(first.file().toString()));
    }
}
