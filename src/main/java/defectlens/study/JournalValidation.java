package defectlens.study;

import defectlens.journal.JournalReport;
import defectlens.journal.JournalContent;
import defectlens.journal.LineCheck;
import defectlens.journal.RefusedLine;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Checks journal ratings against a study plan before they reach a statistic: the rating belongs to
 * the study, its value lies inside the questionnaire's scale, and its question, image and method are
 * those of the plan. A checksum only proves that a line is what its writer wrote; this proves that
 * what was written makes sense for this study.
 */
public final class JournalValidation {
    private final StudyPlan plan;
    private final Set<String> questions;
    private final Set<String> images = new HashSet<>();
    private final Set<String> methods;

    public JournalValidation(StudyPlan plan) {
        this.plan = plan;
        this.questions = new HashSet<>(plan.questionnaire().questionIds());
        plan.images().forEach(i -> images.add(i.id()));
        this.methods = new HashSet<>(plan.methods());
    }

    /** Why a rating does not belong in the study, with the detail of this rating; empty when it does. */
    public Optional<Problem> problem(Rating r) {
        LikertScale scale = plan.questionnaire().scale();
        if (!r.studyId().equals(plan.studyId())) {
            return Optional.of(new Problem(JournalRefusal.Reason.OTHER_STUDY, "study " + r.studyId()));
        }
        if (!StudyFolder.isRaterId(r.rater())) {
            return Optional.of(new Problem(JournalRefusal.Reason.INVALID_RATER, "rater " + r.rater()));
        }
        if (!scale.accepts(r.value())) {
            return Optional.of(new Problem(JournalRefusal.Reason.OUTSIDE_SCALE,
                    "value " + r.value() + " not in " + scale.min() + ".." + scale.max()));
        }
        if (!questions.contains(r.question())) {
            return Optional.of(new Problem(JournalRefusal.Reason.UNKNOWN_QUESTION, "question " + r.question()));
        }
        if (!images.contains(r.imageId())) {
            return Optional.of(new Problem(JournalRefusal.Reason.UNKNOWN_IMAGE, "image " + r.imageId()));
        }
        if (!methods.contains(r.method())) {
            return Optional.of(new Problem(JournalRefusal.Reason.UNKNOWN_METHOD, "method " + r.method()));
        }
        return Optional.empty();
    }

    public boolean accepts(Rating r) {
        return problem(r).isEmpty();
    }

    /** Reads the journals and sorts every line into accepted ratings and refused lines. */
    public JournalReport<Rating> check(List<Path> journals) {
        List<JournalContent<Rating>> contents = new ArrayList<>();
        for (Path f : journals) {
            contents.add(RatingJournal.scan(f));
        }
        return checkContents(contents);
    }

    /** Sorts already read journal contents into accepted ratings and refused lines. */
    public JournalReport<Rating> checkContents(List<JournalContent<Rating>> contents) {
        return JournalReport.check(contents, new LineCheck<>() {
            @Override
            public RefusedLine damaged(String journal, int line) {
                return JournalRefusal.of(journal, line, JournalRefusal.Reason.DAMAGED, "");
            }

            @Override
            public RefusedLine refusal(String journal, int line, Rating r) {
                return problem(r).map(p -> JournalRefusal.of(journal, line, p.reason(), p.detail())).orElse(null);
            }
        });
    }

    /** The reason a rating is refused and the detail of this rating. */
    public record Problem(JournalRefusal.Reason reason, String detail) {
    }
}
