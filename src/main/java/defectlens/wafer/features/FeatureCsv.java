package defectlens.wafer.features;

import defectlens.wafer.WaferMap;
import java.io.IOException;
import java.io.Writer;
import java.util.List;

/**
 * Writes wafer features as CSV: the header {@code index,label,density_1..geom_solidity} and one row per map (its
 * row in the pickle, its label - empty when unlabelled - and the 59 values, shortest round-trip decimal, {@code NaN}
 * for a map too small to have features). Labels are quoted when they hold a comma or a quote.
 */
public final class FeatureCsv {
    private final Writer out;
    private int undefined;

    /** Starts the CSV with its header. */
    public FeatureCsv(Writer out) throws IOException {
        this.out = out;
        out.write("index,label," + String.join(",", WaferFeatures.featureNames()) + "\n");
    }

    /** Writes the rows of maps {@code first ..}. */
    public void write(List<WaferMap> maps, int first, double[][] rows) throws IOException {
        StringBuilder b = new StringBuilder(rows.length * 900);
        for (int i = 0; i < rows.length; i++) {
            WaferMap map = maps.get(first + i);
            b.append(first + i).append(',').append(quote(map.label()));
            double[] f = rows[i];
            if (Double.isNaN(f[0])) {
                undefined++;
            }
            for (double v : f) {
                b.append(',').append(v);
            }
            b.append('\n');
        }
        out.write(b.toString());
        out.flush();
    }

    /** Maps written with NaN features (a side under {@value WaferFeatures#MIN_SIDE}). */
    public int undefinedCount() {
        return undefined;
    }

    private static String quote(String label) {
        if (label == null) {
            return "";
        }
        if (label.contains(",") || label.contains("\"") || label.contains("\n")) {
            return "\"" + label.replace("\"", "\"\"") + "\"";
        }
        return label;
    }
}
