package defectlens.review.embedding;

import java.util.Arrays;
import java.util.Comparator;
import java.util.stream.IntStream;
import org.apache.commons.math3.linear.Array2DRowRealMatrix;
import org.apache.commons.math3.linear.EigenDecomposition;

/**
 * A principal-component projection of embeddings to fewer values, fitted on a sample: keeps memory bounded for
 * the 811k-map file (811k x 64 float32 = 208 MB instead of 830 MB at 256 values). The cost in recall of the true
 * nearest neighbours is measured by {@code bench similar} (docs/benchmarks.md). Immutable.
 *
 * @param mean the sample mean, subtracted first
 * @param components the principal axes, largest variance first, each of unit length
 * @param explained the share of the sample's variance each axis carries
 */
public record Pca(float[] mean, float[][] components, double[] explained) {

    /** Values after projection. */
    public int dimension() {
        return components.length;
    }

    /** The first {@code k} principal axes of {@code sample} about its mean (rows of NaN are skipped). */
    public static Pca fit(float[][] sample, int k) {
        return fit(sample, k, true);
    }

    /**
     * The first {@code k} principal axes of {@code sample}, about its mean ({@code centred}) or about zero: the
     * uncentred axes keep the cosines between embeddings (the mean direction of ReLU features carries much of
     * their length), which is what similarity search needs.
     */
    public static Pca fit(float[][] sample, int k, boolean centred) {
        float[][] rows = Arrays.stream(sample).filter(r -> !Float.isNaN(r[0])).toArray(float[][]::new);
        if (rows.length < 2) {
            throw new IllegalArgumentException("a projection needs at least 2 embeddings, got " + rows.length);
        }
        int d = rows[0].length;
        if (k < 1 || k > d) {
            throw new IllegalArgumentException("cannot keep " + k + " of " + d + " values");
        }
        double[] mean = new double[d];
        for (float[] r : rows) {
            for (int j = 0; j < d; j++) {
                mean[j] += r[j];
            }
        }
        for (int j = 0; j < d; j++) {
            mean[j] = centred ? mean[j] / rows.length : 0;
        }
        double[][] cov = new double[d][d];
        double[] t = new double[d];
        for (float[] r : rows) {
            for (int j = 0; j < d; j++) {
                t[j] = r[j] - mean[j];
            }
            for (int a = 0; a < d; a++) {
                for (int b = a; b < d; b++) {
                    cov[a][b] += t[a] * t[b];
                }
            }
        }
        double total = 0;
        for (int a = 0; a < d; a++) {
            for (int b = a; b < d; b++) {
                cov[a][b] /= rows.length;
                cov[b][a] = cov[a][b];
            }
            total += cov[a][a];
        }
        EigenDecomposition eig = new EigenDecomposition(new Array2DRowRealMatrix(cov, false));
        double[] values = eig.getRealEigenvalues();
        Integer[] order = IntStream.range(0, d).boxed().sorted(Comparator.comparingDouble(i -> -values[i]))
                .toArray(Integer[]::new);
        float[][] axes = new float[k][d];
        double[] explained = new double[k];
        for (int c = 0; c < k; c++) {
            double[] v = eig.getEigenvector(order[c]).toArray();
            for (int j = 0; j < d; j++) {
                axes[c][j] = (float) v[j];
            }
            explained[c] = total > 0 ? values[order[c]] / total : 0;
        }
        float[] m = new float[d];
        for (int j = 0; j < d; j++) {
            m[j] = (float) mean[j];
        }
        return new Pca(m, axes, explained);
    }

    /** The projection of one embedding (NaN in, NaN out). */
    public float[] project(float[] x) {
        float[] out = new float[components.length];
        if (Float.isNaN(x[0])) {
            Arrays.fill(out, Float.NaN);
            return out;
        }
        for (int c = 0; c < components.length; c++) {
            float[] axis = components[c];
            double s = 0;
            for (int j = 0; j < axis.length; j++) {
                s += axis[j] * (x[j] - mean[j]);
            }
            out[c] = (float) s;
        }
        return out;
    }
}
