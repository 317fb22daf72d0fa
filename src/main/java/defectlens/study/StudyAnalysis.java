package defectlens.study;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Computes the {@link StudySummary} of a plan from its ratings (the effective ones of a {@link RatingSet}). */
public final class StudyAnalysis {
    private StudyAnalysis() {
    }

    public static StudySummary summarize(StudyPlan plan, RatingSet set) {
        List<Rating> eff = set.effective();
        List<String> questions = plan.questionnaire().questionIds();
        List<StudySummary.MethodLabel> methods = new ArrayList<>();
        for (String m : plan.methods()) {
            methods.add(new StudySummary.MethodLabel(m, plan.labelOf(m)));
        }
        List<MethodQuestionStats> stats = new ArrayList<>();
        for (String m : plan.methods()) {
            for (String q : questions) {
                stats.add(MethodQuestionStats.of(m, plan.labelOf(m), q, select(eff, m, q)));
            }
        }
        List<PairedComparison> comparisons = new ArrayList<>();
        for (String q : questions) {
            for (int i = 0; i < plan.methods().size(); i++) {
                for (int j = i + 1; j < plan.methods().size(); j++) {
                    String a = plan.methods().get(i);
                    String b = plan.methods().get(j);
                    comparisons.add(PairedComparison.of(q, a, b, select(eff, a, q), select(eff, b, q)));
                }
            }
        }
        return new StudySummary(plan.studyId(), plan.model(), plan.questionnaire().id(), set.raters(), set.all().size(),
                set.all().size() - eff.size(), eff.size(), methods, questions, stats, comparisons, agreement(eff, questions));
    }

    private static List<Rating> select(List<Rating> ratings, String method, String question) {
        return ratings.stream().filter(r -> r.method().equals(method) && r.question().equals(question)).toList();
    }

    static StudySummary.Agreement agreement(List<Rating> eff, List<String> questions) {
        Map<String, List<Integer>> all = new LinkedHashMap<>();
        for (Rating r : eff) {
            all.computeIfAbsent(r.imageId() + "\u0000" + r.method() + "\u0000" + r.question(), k -> new ArrayList<>())
                    .add(r.value());
        }
        Map<String, Double> perQuestion = new LinkedHashMap<>();
        for (String q : questions) {
            Map<String, List<Integer>> units = new LinkedHashMap<>();
            for (Rating r : eff) {
                if (r.question().equals(q)) {
                    units.computeIfAbsent(r.imageId() + "\u0000" + r.method(), k -> new ArrayList<>()).add(r.value());
                }
            }
            perQuestion.put(q, KrippendorffAlpha.ordinal(units.values()));
        }
        int pairable = (int) all.values().stream().filter(u -> u.size() >= 2).count();
        return new StudySummary.Agreement("Krippendorff's alpha, ordinal", KrippendorffAlpha.ordinal(all.values()),
                pairable, perQuestion);
    }
}
