package defectlens.study;

import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Where a rater stands in a study: how many answers of their order are given, and the first
 * unanswered (item, question) in their order, where the window resumes after a restart. Items whose picture is
 * missing cannot be rated: they count neither in {@code total} nor as a place to resume, and {@code unavailable}
 * says how many there are.
 */
public record RaterProgress(String rater, int answered, int total, int resumeItem, int resumeQuestion,
        int unavailable) {

    /** The progress when every item can be rated. */
    public static RaterProgress of(StudyPlan plan, String rater, List<Rating> ratings) {
        return of(plan, rater, ratings, item -> true);
    }

    /** The progress over the items {@code available} accepts. */
    public static RaterProgress of(StudyPlan plan, String rater, List<Rating> ratings,
            java.util.function.Predicate<StudyItem> available) {
        List<StudyItem> order = RaterOrder.of(plan, rater);
        List<String> questions = plan.questionnaire().questionIds();
        Set<Rating.AnswerKey> given = new HashSet<>();
        for (Rating r : ratings) {
            if (r.rater().equals(rater) && r.studyId().equals(plan.studyId())) {
                given.add(r.key());
            }
        }
        int answered = 0;
        int resumeItem = -1;
        int resumeQuestion = -1;
        int unavailable = 0;
        for (int i = 0; i < order.size(); i++) {
            StudyItem it = order.get(i);
            if (!available.test(it)) {
                unavailable++;
                continue;
            }
            for (int q = 0; q < questions.size(); q++) {
                if (given.contains(new Rating.AnswerKey(rater, it.imageId(), it.method(), questions.get(q)))) {
                    answered++;
                } else if (resumeItem < 0) {
                    resumeItem = i;
                    resumeQuestion = q;
                }
            }
        }
        return new RaterProgress(rater, answered, (order.size() - unavailable) * questions.size(), resumeItem,
                resumeQuestion, unavailable);
    }

    /** True when every question of every item is answered. */
    public boolean complete() {
        return resumeItem < 0;
    }

    public double fraction() {
        return total == 0 ? 1.0 : (double) answered / total;
    }
}
