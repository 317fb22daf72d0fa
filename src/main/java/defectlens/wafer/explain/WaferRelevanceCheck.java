package defectlens.wafer.explain;

import defectlens.explain.lrp.LrpComposite;
import defectlens.wafer.WaferModel;
import defectlens.wafer.WaferPreprocessing;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.BooleanSupplier;
import java.util.function.IntConsumer;

/**
 * The checks of meaning of issue 7 for one wafer model and one LRP rule set, over labelled 64x64 maps:
 *
 * <ul>
 *   <li>localisation: the share of the positive wafer-grid relevance that falls on failed dies
 *       ({@link WaferRelevance#positiveShareOnFailedDies()}), beside the share of the 64x64 grid and the
 *       share of the wafer's dies that failed (what relevance spread evenly over the grid, or over the
 *       wafer, would give);
 *   <li>rotation: the Pearson correlation between the wafer relevance of the map turned by 90 degrees and
 *       the turned wafer relevance of the original;
 *   <li>conservation: input relevance total over the explained logit.
 * </ul>
 * Each map's own label is the explained class (so the original and the turned map explain the same logit).
 */
public final class WaferRelevanceCheck {
    private WaferRelevanceCheck() {
    }

    /** The figures of one class (or of all maps, under "all"). */
    public record Figures(int maps, int correct, double meanShareOnFailedDies, double medianShareOnFailedDies,
            double meanFailedArea, double meanFailedShareOfWafer, double meanRotationCorrelation,
            double meanConservation, double medianConservation) {
    }

    /**
     * Runs the checks. {@code labels[i]} is the model's class index of {@code maps[i]}; {@code names[i]} the
     * group the map is reported under; {@code wafers[i]} is 1 on every die of the wafer (failed or not) on the
     * 64x64 grid. Progress gets the number of maps done.
     */
    public static Map<String, Figures> run(WaferModel model, LrpComposite composite, float[][] maps, float[][] wafers,
            int[] labels, String[] names, IntConsumer progress, BooleanSupplier cancelled) {
        Map<String, List<double[]>> rows = new LinkedHashMap<>();
        int side = WaferPreprocessing.SIZE;
        try (WaferLrpExplainer explainer = new WaferLrpExplainer(model)) {
            for (int i = 0; i < maps.length && !cancelled.getAsBoolean(); i++) {
                WaferRelevance original = explainer.explain(maps[i], labels[i], composite);
                float[] turnedMap = WaferPreprocessing.rotate90(maps[i], side, 1);
                WaferRelevance turned = explainer.explain(turnedMap, labels[i], composite);
                double corr = pearson(turned.waferRelevance(), WaferPreprocessing.rotate90(original.waferRelevance(), side, 1));
                double failed = 0;
                double dies = 0;
                for (int p = 0; p < maps[i].length; p++) {
                    failed += maps[i][p] > 0.5f ? 1 : 0;
                    dies += wafers[i][p] > 0.5f ? 1 : 0;
                }
                double[] row = {original.lrp().predictedClass() == labels[i] ? 1 : 0, original.positiveShareOnFailedDies(),
                        failed / maps[i].length, corr, original.lrp().conservation(), dies > 0 ? failed / dies : Double.NaN};
                rows.computeIfAbsent(names[i], k -> new ArrayList<>()).add(row);
                rows.computeIfAbsent("all", k -> new ArrayList<>()).add(row);
                progress.accept(i + 1);
            }
        }
        Map<String, Figures> out = new LinkedHashMap<>();
        rows.forEach((k, v) -> out.put(k, summarise(v)));
        Figures all = out.remove("all");
        if (all != null) {
            out.put("all", all);
        }
        return out;
    }

    private static Figures summarise(List<double[]> rows) {
        int correct = 0;
        List<Double> shares = new ArrayList<>();
        double area = 0;
        double corr = 0;
        int corrN = 0;
        double cons = 0;
        int consN = 0;
        List<Double> conservations = new ArrayList<>();
        double ofWafer = 0;
        for (double[] r : rows) {
            ofWafer += r[5];
            correct += (int) r[0];
            if (!Double.isNaN(r[1])) {
                shares.add(r[1]);
            }
            area += r[2];
            if (!Double.isNaN(r[3])) {
                corr += r[3];
                corrN++;
            }
            if (Double.isFinite(r[4])) {
                cons += r[4];
                consN++;
                conservations.add(r[4]);
            }
        }
        double sum = 0;
        for (double v : shares) {
            sum += v;
        }
        double mean = shares.isEmpty() ? Double.NaN : sum / shares.size();
        return new Figures(rows.size(), correct, mean, median(shares), area / rows.size(), ofWafer / rows.size(),
                corrN == 0 ? Double.NaN : corr / corrN, consN == 0 ? Double.NaN : cons / consN, median(conservations));
    }

    private static double median(List<Double> values) {
        if (values.isEmpty()) {
            return Double.NaN;
        }
        List<Double> sorted = new ArrayList<>(values);
        sorted.sort(Double::compare);
        int n = sorted.size();
        return n % 2 == 1 ? sorted.get(n / 2) : (sorted.get(n / 2 - 1) + sorted.get(n / 2)) / 2;
    }

    /** Pearson correlation of two equally long arrays; NaN when either is constant. */
    public static double pearson(float[] a, float[] b) {
        double ma = 0;
        double mb = 0;
        for (int i = 0; i < a.length; i++) {
            ma += a[i];
            mb += b[i];
        }
        ma /= a.length;
        mb /= b.length;
        double sab = 0;
        double saa = 0;
        double sbb = 0;
        for (int i = 0; i < a.length; i++) {
            double da = a[i] - ma;
            double db = b[i] - mb;
            sab += da * db;
            saa += da * da;
            sbb += db * db;
        }
        return saa == 0 || sbb == 0 ? Double.NaN : sab / Math.sqrt(saa * sbb);
    }
}
