package defectlens.wafer.augment;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * What one CAE augmentation did per class: the source maps it had, the generated maps it aimed for
 * ({@code round(ratio * sources)}, 0 for {@code none}), how many it kept (SSIM with the source at least the
 * threshold) and how many it rejected. A class may end short of its target when too many attempts are rejected
 * ({@value CaeAugmentation#ATTEMPTS_PER_MAP} attempts per map aimed for).
 *
 * @param ratio generated maps per source map of an augmented class
 * @param minSsim the SSIM a generated map needs to be kept
 * @param classes per class, in the order of the class list
 */
public record AugmentationReport(double ratio, double minSsim, Map<String, ClassCounts> classes) {

    /**
     * @param sources labelled maps of the class offered as sources
     * @param target generated maps aimed for
     * @param kept generated maps kept
     * @param rejected generated maps rejected by the SSIM filter
     * @param meanKeptSsim the mean SSIM of the kept maps (NaN when none)
     */
    public record ClassCounts(int sources, int target, int kept, int rejected, double meanKeptSsim) {
    }

    public int kept() {
        return classes.values().stream().mapToInt(ClassCounts::kept).sum();
    }

    public int rejected() {
        return classes.values().stream().mapToInt(ClassCounts::rejected).sum();
    }

    public int target() {
        return classes.values().stream().mapToInt(ClassCounts::target).sum();
    }

    /** The report as JSON-ready maps. */
    public Map<String, Object> toJson() {
        Map<String, Object> doc = new LinkedHashMap<>();
        doc.put("ratio", ratio);
        doc.put("minSsim", minSsim);
        doc.put("target", target());
        doc.put("kept", kept());
        doc.put("rejected", rejected());
        Map<String, Object> perClass = new LinkedHashMap<>();
        classes.forEach((name, c) -> {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("sources", c.sources());
            m.put("target", c.target());
            m.put("kept", c.kept());
            m.put("rejected", c.rejected());
            m.put("meanKeptSsim", Double.isNaN(c.meanKeptSsim()) ? null : c.meanKeptSsim());
            perClass.put(name, m);
        });
        doc.put("classes", perClass);
        return doc;
    }

    /** One line per class: sources, target, kept, rejected. */
    public String table() {
        StringBuilder s = new StringBuilder(String.format(java.util.Locale.ROOT, "%-10s %7s %7s %7s %8s %9s%n",
                "class", "sources", "target", "kept", "rejected", "mean SSIM"));
        classes.forEach((name, c) -> s.append(String.format(java.util.Locale.ROOT, "%-10s %7d %7d %7d %8d %9s%n",
                name, c.sources(), c.target(), c.kept(), c.rejected(),
                Double.isNaN(c.meanKeptSsim()) ? "-" : String.format(java.util.Locale.ROOT, "%.4f",
                        c.meanKeptSsim()))));
        s.append(String.format(java.util.Locale.ROOT, "%-10s %7s %7d %7d %8d", "total", "", target(), kept(),
                rejected()));
        return s.toString();
    }
}
