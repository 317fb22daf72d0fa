package defectlens.study;

import defectlens.DefectLensException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Merges journals written elsewhere (another machine, a USB stick) into a study folder: each rating
 * goes into the journal of its rater; a submission id already there is recognised as a duplicate and
 * not written again, so merging the same file twice changes nothing.
 */
public final class JournalMerger {
    private JournalMerger() {
    }

    /** What a merge did. */
    public record MergeResult(int read, int added, int duplicates, int otherStudy, Map<String, Integer> addedPerRater) {
    }

    public static MergeResult merge(StudyFolder study, List<Path> journals) {
        int read = 0;
        int added = 0;
        int duplicates = 0;
        int otherStudy = 0;
        Map<String, Integer> perRater = new LinkedHashMap<>();
        Map<String, RatingJournal> open = new LinkedHashMap<>();
        try {
            for (Path f : journals) {
                if (!Files.isRegularFile(f)) {
                    throw new DefectLensException(f, "journal not found");
                }
                for (Rating r : RatingJournal.read(f)) {
                    read++;
                    if (!r.studyId().equals(study.plan().studyId())) {
                        otherStudy++;
                        continue;
                    }
                    RatingJournal j = open.computeIfAbsent(r.rater(), study::openJournal);
                    if (j.append(r)) {
                        added++;
                        perRater.merge(r.rater(), 1, Integer::sum);
                    } else {
                        duplicates++;
                    }
                }
            }
        } finally {
            open.values().forEach(RatingJournal::close);
        }
        if (read > 0 && otherStudy == read) {
            throw new DefectLensException(journals.get(0), "no rating belongs to study " + study.plan().studyId());
        }
        return new MergeResult(read, added, duplicates, otherStudy, perRater);
    }
}
