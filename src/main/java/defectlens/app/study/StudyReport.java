package defectlens.app.study;

import defectlens.study.LikertCounts;
import defectlens.study.RaterProgress;
import defectlens.study.RatingSet;
import defectlens.study.StudyAnalysis;
import defectlens.study.StudyFolder;
import defectlens.study.StudyItem;
import defectlens.study.StudySummary;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

/**
 * Everything the summary window shows, read off the FX thread: the statistics, the answer counts of the Likert
 * chart and each rater's progress (invited raters and everyone with a journal; items without a picture are not
 * counted).
 */
public record StudyReport(StudyFolder study, RatingSet ratings, StudySummary summary, LikertCounts likert,
        List<RaterProgress> progress) {

    /** Reads the study's journals and computes the report. */
    public static StudyReport of(StudyFolder study) {
        RatingSet set = study.ratings();
        Set<StudyItem> missing = new HashSet<>(study.unavailableItems());
        TreeSet<String> raters = new TreeSet<>(study.plan().raters());
        raters.addAll(set.raters());
        List<RaterProgress> progress = new ArrayList<>();
        for (String r : raters) {
            progress.add(RaterProgress.of(study.plan(), r, set.effective(), i -> !missing.contains(i)));
        }
        return new StudyReport(study, set, StudyAnalysis.summarize(study.plan(), set),
                LikertCounts.of(study.plan(), set), List.copyOf(progress));
    }
}
