package defectlens.explain.metrics;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * How much two explanation methods say the same thing: per image the Pearson correlation between their
 * normalised maps, averaged over images for every pair of methods. A mean near 1 means the two methods
 * draw the same picture (e.g. CRAFT's concept maps at the GradCAM layer following the same activations).
 */
public final class MethodCorrelations {
    /** One pair's correlation over images. */
    public record Pair(String first, String second, MetricSummary pearson) {
    }

    private final List<String> methods;
    private final Map<String, List<Double>> values = new LinkedHashMap<>();

    /** Correlations among {@code methods}, in this order. */
    public MethodCorrelations(List<String> methods) {
        this.methods = List.copyOf(methods);
        for (int i = 0; i < this.methods.size(); i++) {
            for (int j = i + 1; j < this.methods.size(); j++) {
                values.put(key(i, j), new ArrayList<>());
            }
        }
    }

    private String key(int i, int j) {
        return methods.get(i) + "\u0000" + methods.get(j);
    }

    /** Adds one image's maps, one per method in the constructor's order, all of one size. */
    public void add(List<float[]> maps) {
        if (maps.size() != methods.size()) {
            throw new IllegalArgumentException(maps.size() + " maps for " + methods.size() + " methods");
        }
        for (int i = 0; i < maps.size(); i++) {
            for (int j = i + 1; j < maps.size(); j++) {
                values.get(key(i, j)).add(MapSimilarity.pearson(maps.get(i), maps.get(j)));
            }
        }
    }

    /** Every pair, in method order. */
    public List<Pair> pairs() {
        List<Pair> out = new ArrayList<>();
        for (int i = 0; i < methods.size(); i++) {
            for (int j = i + 1; j < methods.size(); j++) {
                out.add(new Pair(methods.get(i), methods.get(j), MetricSummary.of(values.get(key(i, j)))));
            }
        }
        return out;
    }

    /** The mean correlation of two methods (either order), NaN when unknown. */
    public double mean(String a, String b) {
        for (Pair p : pairs()) {
            if ((p.first().equals(a) && p.second().equals(b)) || (p.first().equals(b) && p.second().equals(a))) {
                return p.pearson().mean();
            }
        }
        return Double.NaN;
    }

    /** A square Markdown table of mean correlations. */
    public String markdown() {
        StringBuilder s = new StringBuilder("Mean Pearson correlation between the methods' normalised maps "
                + "(per image, then averaged; 1 = the same picture):\n\n| |");
        methods.forEach(m -> s.append(' ').append(m).append(" |"));
        s.append("\n|---|");
        methods.forEach(m -> s.append("---:|"));
        s.append('\n');
        for (String a : methods) {
            s.append("| ").append(a).append(" |");
            for (String b : methods) {
                s.append(a.equals(b) ? " 1 |" : String.format(Locale.ROOT, " %.3f |", mean(a, b)));
            }
            s.append('\n');
        }
        return s.toString();
    }
}
