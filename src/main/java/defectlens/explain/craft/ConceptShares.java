package defectlens.explain.craft;

import defectlens.explain.MapResampling;
import defectlens.image.BinaryMask;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Which concepts make up the CRAFT map on the defect: each concept's importance-weighted map, brought to the
 * mask's size, summed over the mask's pixels and divided by the sum over all concepts - its share of the
 * attribution that falls on the defect. Accumulates over images per class and concept.
 */
public final class ConceptShares {
    /** The mean share of one concept of one class's bank over the images explained as that class. */
    public record Share(String className, int concept, double importance, double meanShare, int images) {
    }

    private final List<Row> rows = new ArrayList<>();

    private static final class Row {
        final ConceptBank bank;
        final double[] sums;
        int images;

        Row(ConceptBank bank) {
            this.bank = bank;
            this.sums = new double[bank.rank()];
        }
    }

    /** Each concept's share of the attribution on the mask for one image; all zero when none falls on it. */
    public static double[] of(ConceptMaps maps, BinaryMask mask) {
        int r = maps.bank().rank();
        double[] s = new double[r];
        double total = 0;
        for (int c = 0; c < r; c++) {
            float[] up = MapResampling.bilinear(maps.conceptMap(c), maps.width(), maps.height(), mask.width(),
                    mask.height());
            double inside = 0;
            for (int i = 0; i < up.length; i++) {
                if (mask.get(i % mask.width(), i / mask.width())) {
                    inside += Math.max(0, up[i]);
                }
            }
            s[c] = inside * maps.bank().importance()[c];
            total += s[c];
        }
        for (int c = 0; c < r; c++) {
            s[c] = total > 0 ? s[c] / total : 0;
        }
        return s;
    }

    /** Adds one image's shares. */
    public void add(ConceptMaps maps, BinaryMask mask) {
        if (mask.isEmpty()) {
            return;
        }
        Row row = rows.stream().filter(x -> x.bank == maps.bank()).findFirst().orElse(null);
        if (row == null) {
            row = new Row(maps.bank());
            rows.add(row);
        }
        double[] s = of(maps, mask);
        for (int c = 0; c < s.length; c++) {
            row.sums[c] += s[c];
        }
        row.images++;
    }

    /** Every class's concepts in order of decreasing importance. */
    public List<Share> shares() {
        List<Share> out = new ArrayList<>();
        for (Row row : rows) {
            for (int c : row.bank.byImportance()) {
                out.add(new Share(row.bank.className(), c, row.bank.importance()[c], row.sums[c] / row.images,
                        row.images));
            }
        }
        return out;
    }

    /** A Markdown table: class, concept, importance, mean share of the defect's attribution. */
    public String markdown() {
        StringBuilder s = new StringBuilder("CRAFT concepts on the defect: each concept's mean share of the CRAFT "
                + "attribution inside the mask (importance-weighted; concepts by decreasing importance).\n\n"
                + "| Class | Concept | Importance | Share of the mask | Images |\n|---|---|---|---|---|\n");
        for (Share x : shares()) {
            s.append(String.format(Locale.ROOT, "| %s | %d | %.3f | %.3f | %d |%n", x.className(), x.concept(),
                    x.importance(), x.meanShare(), x.images()));
        }
        return s.toString();
    }
}
