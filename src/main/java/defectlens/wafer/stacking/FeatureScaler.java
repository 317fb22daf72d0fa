package defectlens.wafer.stacking;

import java.util.Arrays;

/**
 * Standardises feature vectors with the mean and standard deviation of the training rows (a constant feature keeps
 * scale 1); a NaN feature (a map too small for features) becomes 0, the training mean. k-NN and the SVM need
 * comparable scales; the trees do not mind.
 *
 * @param mean per feature
 * @param scale per feature, never 0
 */
public record FeatureScaler(double[] mean, double[] scale) {

    /** The scaler of a set of training rows. */
    public static FeatureScaler fit(double[][] rows) {
        int d = rows[0].length;
        double[] mean = new double[d];
        double[] scale = new double[d];
        for (int k = 0; k < d; k++) {
            double s = 0;
            int n = 0;
            for (double[] r : rows) {
                if (!Double.isNaN(r[k])) {
                    s += r[k];
                    n++;
                }
            }
            mean[k] = n == 0 ? 0 : s / n;
            double q = 0;
            for (double[] r : rows) {
                if (!Double.isNaN(r[k])) {
                    q += (r[k] - mean[k]) * (r[k] - mean[k]);
                }
            }
            double sd = n == 0 ? 0 : Math.sqrt(q / n);
            scale[k] = sd > 1e-12 ? sd : 1;
        }
        return new FeatureScaler(mean, scale);
    }

    /** Standardised copies of the rows. */
    public double[][] apply(double[][] rows) {
        double[][] out = new double[rows.length][];
        for (int i = 0; i < rows.length; i++) {
            double[] r = Arrays.copyOf(rows[i], rows[i].length);
            for (int k = 0; k < r.length; k++) {
                r[k] = Double.isNaN(r[k]) ? 0 : (r[k] - mean[k]) / scale[k];
            }
            out[i] = r;
        }
        return out;
    }
}
