package defectlens.study;

import java.util.ArrayList;
import java.util.List;

/**
 * How often each scale value was given per (method, question), from the effective ratings: the data of the
 * conventional diverging stacked Likert chart. The scale's middle value (for an odd number of points) is the
 * neutral answer, split half to each side of the chart's centre line.
 */
public record LikertCounts(LikertScale scale, List<Row> rows) {

    /** The counts of one method on one question, {@code counts[v - scale.min()]} for value {@code v}. */
    public record Row(String method, String label, String question, int[] counts) {
        public int n() {
            int n = 0;
            for (int c : counts) {
                n += c;
            }
            return n;
        }
    }

    public static LikertCounts of(StudyPlan plan, RatingSet set) {
        LikertScale scale = plan.questionnaire().scale();
        List<Row> rows = new ArrayList<>();
        for (String q : plan.questionnaire().questionIds()) {
            for (String m : plan.methods()) {
                int[] counts = new int[scale.points()];
                for (Rating r : set.effective()) {
                    if (r.method().equals(m) && r.question().equals(q) && scale.accepts(r.value())) {
                        counts[r.value() - scale.min()]++;
                    }
                }
                rows.add(new Row(m, plan.labelOf(m), q, counts));
            }
        }
        return new LikertCounts(scale, List.copyOf(rows));
    }

    /**
     * Where a row's bars start and end as shares of its answers, the centre line at 0: disagreeing answers and half
     * the neutral ones to the left (negative), the rest to the right. {@code [v][0..1]} for scale value index v.
     */
    public static double[][] segments(Row row) {
        int n = row.n();
        int points = row.counts().length;
        double[][] seg = new double[points][2];
        if (n == 0) {
            return seg;
        }
        double left = 0;
        int half = points / 2;
        for (int v = 0; v < half; v++) {
            left += row.counts()[v];
        }
        if (points % 2 == 1) {
            left += row.counts()[half] / 2.0;
        }
        double x = -left / n;
        for (int v = 0; v < points; v++) {
            double w = (double) row.counts()[v] / n;
            seg[v][0] = x;
            seg[v][1] = x + w;
            x += w;
        }
        return seg;
    }
}
