package defectlens.study;

import com.fasterxml.jackson.databind.annotation.JsonSerialize;
import java.util.List;
import java.util.Map;

/**
 * The analysis of a study, as {@code study summary --json} prints it: counts, per method and question
 * descriptive statistics, paired Wilcoxon tests between methods per question, and Krippendorff's
 * ordinal alpha overall and per question. Methods appear unblinded with their blinded label.
 */
public record StudySummary(String studyId, ModelRef model, String questionnaire, List<String> raters,
        int submissions, int replaced, int ratings, List<MethodLabel> methods, List<String> questions,
        List<MethodQuestionStats> stats, List<PairedComparison> comparisons, Agreement agreement) {

    /** A method and the label raters saw for it. */
    public record MethodLabel(String method, String label) {
    }

    /**
     * Inter-rater agreement: Krippendorff's alpha (ordinal) over units (image, method, question), and
     * per question over units (image, method); {@code pairableUnits} have two or more raters.
     */
    public record Agreement(String measure,
            @JsonSerialize(using = NanAsNull.class) double alpha,
            int pairableUnits,
            @JsonSerialize(contentUsing = NanAsNull.class) Map<String, Double> perQuestion) {
    }

    public MethodQuestionStats stats(String method, String question) {
        return stats.stream().filter(s -> s.method().equals(method) && s.question().equals(question)).findFirst()
                .orElseThrow();
    }
}
