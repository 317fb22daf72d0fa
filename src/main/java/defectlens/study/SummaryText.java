package defectlens.study;

import java.util.Locale;

/**
 * The statistics of a study summary in words, as the CLI and the summary window print them: where a statistic
 * cannot be computed it reads "not enough data" and says what is missing, never NaN.
 */
public final class SummaryText {
    /** What the summary prints instead of a number that cannot be computed. */
    public static final String NOT_ENOUGH = "not enough data";

    private SummaryText() {
    }

    /** A number in {@code format}, or "-" when it cannot be computed (table cells). */
    public static String number(double value, String format) {
        return Double.isNaN(value) ? "-" : String.format(Locale.ROOT, format, value);
    }

    /** One paired comparison, e.g. "Q1 gradcam vs craft: 6 pairs, mean difference -0.50, W = 3.0, p = 0.2500". */
    public static String comparison(PairedComparison c) {
        String head = c.question() + " " + c.methodA() + " vs " + c.methodB() + ": ";
        if (c.pairs() == 0) {
            return head + NOT_ENOUGH + " (no image was rated with both methods by the same rater)";
        }
        String pairs = Plural.of(c.pairs(), "pair") + String.format(Locale.ROOT, ", mean difference %.2f",
                c.meanDifference());
        if (c.n() == 0) {
            return head + pairs + "; every pair rated equal, so no signed difference to test";
        }
        return head + pairs + String.format(Locale.ROOT, ", W = %.1f, p = %.4f%s", c.statistic(), c.pValue(),
                c.exact() ? " (exact)" : "");
    }

    /** The agreement line, e.g. "Krippendorff's alpha (ordinal): 0.412 over 24 units". */
    public static String agreement(StudySummary.Agreement a) {
        String head = "Krippendorff's alpha (ordinal): ";
        if (a.pairableUnits() == 0) {
            return head + NOT_ENOUGH + " (no item was answered by two or more raters)";
        }
        if (Double.isNaN(a.alpha())) {
            return head + NOT_ENOUGH + " (every answer over " + Plural.of(a.pairableUnits(), "unit")
                    + " is the same value, so there is no variation to compare)";
        }
        return head + String.format(Locale.ROOT, "%.3f over %s", a.alpha(), Plural.of(a.pairableUnits(), "unit"));
    }

    /** A mean for the chart's label, or what is missing when there is no rating. */
    public static String mean(MethodQuestionStats s) {
        return s.n() == 0 ? NOT_ENOUGH + " (no rating)" : String.format(Locale.ROOT, "mean %.2f (n = %d)", s.mean(),
                s.n());
    }
}
