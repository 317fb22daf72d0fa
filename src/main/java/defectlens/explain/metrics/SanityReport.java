package defectlens.explain.metrics;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/** The sanity checks ({@link SanityChecks}) as Markdown tables and as a JSON-ready tree. */
public final class SanityReport {
    private SanityReport() {
    }

    /** Per cascade step and method "SSIM / Spearman", then the random-logit table and the verdicts. */
    public static String markdown(SanityChecks.Report r, List<String> methods) {
        StringBuilder s = new StringBuilder(String.format(Locale.ROOT, "Sanity checks on %d images. Cascading "
                + "model-parameter randomisation (top-down, every step keeps the earlier ones random): mean SSIM / "
                + "Spearman rank correlation to the trained model's maps (1 = unchanged).%n%n| Randomised down to |",
                r.images()));
        methods.forEach(m -> s.append(' ').append(m).append(" |"));
        s.append("\n|---|");
        methods.forEach(m -> s.append("---|"));
        s.append('\n');
        for (SanityChecks.Step st : r.cascade()) {
            s.append("| ").append(st.layer()).append(" |");
            for (String m : methods) {
                s.append(String.format(Locale.ROOT, " %.2f / %.2f |", st.ssim().get(m).mean(),
                        st.spearman().get(m).mean()));
            }
            s.append('\n');
        }
        s.append("\nRandom-logit test: the explained class's map against a random other class's map (mean SSIM / "
                + "Spearman; 1 = the map does not depend on the class).\n\n| Method | SSIM | Spearman | changes under "
                + "randomisation |\n|---|---|---|---|\n");
        for (SanityChecks.RandomLogit l : r.randomLogit()) {
            s.append(String.format(Locale.ROOT, "| %s | %.3f +- %.3f | %.3f +- %.3f | %s |%n", l.method(),
                    l.ssim().mean(), l.ssim().sd(), l.spearman().mean(), l.spearman().sd(),
                    r.changed(l.method()) ? "yes" : "NO"));
        }
        return s.toString();
    }

    /** {@code {"images", "cascade": [{"layer", "ssim": {m: mean}, "spearman": {m: mean}}], "randomLogit", "changed"}}. */
    public static Map<String, Object> json(SanityChecks.Report r) {
        Map<String, Object> root = new LinkedHashMap<>();
        root.put("images", r.images());
        root.put("cascade", r.cascade().stream().map(st -> {
            Map<String, Object> step = new LinkedHashMap<>();
            step.put("layer", st.layer());
            step.put("ssim", means(st.ssim()));
            step.put("spearman", means(st.spearman()));
            return step;
        }).toList());
        Map<String, Object> logit = new LinkedHashMap<>();
        Map<String, Object> changed = new LinkedHashMap<>();
        for (SanityChecks.RandomLogit l : r.randomLogit()) {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("ssim", nan(l.ssim().mean()));
            m.put("spearman", nan(l.spearman().mean()));
            logit.put(l.method(), m);
            changed.put(l.method(), r.changed(l.method()));
        }
        root.put("randomLogit", logit);
        root.put("changed", changed);
        return root;
    }

    private static Map<String, Object> means(Map<String, MetricSummary> m) {
        Map<String, Object> out = new LinkedHashMap<>();
        m.forEach((k, v) -> out.put(k, nan(v.mean())));
        return out;
    }

    private static Object nan(double v) {
        return Double.isNaN(v) ? null : v;
    }
}
