package defectlens.study;

import defectlens.core.DefectLensException;
import defectlens.journal.Journal;
import defectlens.journal.JournalContent;
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
            JournalReport refused) {
    }

    public static MergeResult merge(StudyFolder study, List<Path> journals) {
        List<JournalContent<Rating>> contents = new ArrayList<>();
        for (Path f : journals) {
            contents.add(RatingJournal.scan(f));
        }
        JournalReport report = new JournalValidation(study.plan()).checkContents(contents);
        if (report.accepted().isEmpty()) {
            throw nothingValid(contents, report);
        }
        Map<String, List<Rating>> perRater = new LinkedHashMap<>();
        for (Rating r : report.accepted()) {
            perRater.computeIfAbsent(r.rater(), k -> new ArrayList<>()).add(r);
        }
        List<RatingJournal> open = new ArrayList<>();
        List<Journal.Staged<Rating>> staged = new ArrayList<>();
        Map<String, Integer> addedPerRater = new LinkedHashMap<>();
        int added = 0;
        try {
            for (Map.Entry<String, List<Rating>> e : perRater.entrySet()) {
                RatingJournal j = study.openJournal(e.getKey());
                open.add(j);
                staged.add(j.journal().stage(e.getValue()));
            }
            for (Journal.Staged<Rating> s : staged) {
                s.journal().commit(s);
                if (!s.added().isEmpty()) {
                    addedPerRater.merge(s.added().get(0).rater(), s.added().size(), Integer::sum);
                    added += s.added().size();
                }
            }
        } catch (RuntimeException e) {
            staged.forEach(Journal::discard);
            throw e;
        } finally {
            open.forEach(RatingJournal::close);
        }
        int read = contents.stream().mapToInt(c -> c.records().size()).sum();
        int otherStudy = report.perReason().getOrDefault(JournalRefusal.Reason.OTHER_STUDY.label(), 0);
        return new MergeResult(read, added, report.accepted().size() - added, otherStudy, addedPerRater, report);
    }

    private static DefectLensException nothingValid(List<JournalContent<Rating>> contents, JournalReport report) {
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
