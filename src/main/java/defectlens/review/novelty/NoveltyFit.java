package defectlens.review.novelty;

import defectlens.review.embedding.Vectors;
import java.util.Arrays;
import java.util.Map;
import java.util.SplittableRandom;
import org.apache.commons.math3.linear.Array2DRowRealMatrix;
import org.apache.commons.math3.linear.EigenDecomposition;
import org.apache.commons.math3.linear.RealMatrix;

/**
 * Fits a {@link NoveltyModel} on the embeddings of a model's training items and their classes: the class means,
 * the covariance shared by all classes (within-class scatter over all items, plus a small ridge of
 * {@value #RIDGE} times the mean variance so that a nearly flat direction does not dominate), its whitening by an
 * eigen-decomposition, and up to {@value #MAX_REFERENCE} unit-length training embeddings (a seeded sample) for
 * the k-NN distance. Thresholds are chosen afterwards on held-out items ({@link #threshold}).
 */
public final class NoveltyFit {
    /** Ridge added to the shared covariance, relative to its mean diagonal. */
    public static final double RIDGE = 1e-3;
    /** Most training embeddings kept for the k-NN distance. */
    public static final int MAX_REFERENCE = 2000;
    /** The k of the k-NN distance by default. */
    public static final int DEFAULT_K = 10;

    private NoveltyFit() {
    }

    /**
     * The scorer of embeddings {@code vectors} whose classes are {@code classes} (0..classCount-1; every class
     * needs at least one item).
     */
    public static NoveltyModel fit(float[][] vectors, int[] classes, int classCount, int k, long seed) {
        int n = vectors.length;
        if (n == 0 || classes.length != n) {
            throw new IllegalArgumentException("need embeddings with one class each, got " + n + " and "
                    + classes.length);
        }
        int d = vectors[0].length;
        double[][] sums = new double[classCount][d];
        int[] counts = new int[classCount];
        double[] centre = new double[d];
        for (int i = 0; i < n; i++) {
            int c = classes[i];
            counts[c]++;
            for (int j = 0; j < d; j++) {
                sums[c][j] += vectors[i][j];
                centre[j] += vectors[i][j];
            }
        }
        for (int c = 0; c < classCount; c++) {
            if (counts[c] == 0) {
                throw new IllegalArgumentException("class " + c + " has no training item");
            }
            for (int j = 0; j < d; j++) {
                sums[c][j] /= counts[c];
            }
        }
        for (int j = 0; j < d; j++) {
            centre[j] /= n;
        }
        double[][] cov = new double[d][d];
        double[] t = new double[d];
        for (int i = 0; i < n; i++) {
            double[] mu = sums[classes[i]];
            for (int j = 0; j < d; j++) {
                t[j] = vectors[i][j] - mu[j];
            }
            for (int a = 0; a < d; a++) {
                double ta = t[a];
                double[] row = cov[a];
                for (int b = a; b < d; b++) {
                    row[b] += ta * t[b];
                }
            }
        }
        double trace = 0;
        for (int a = 0; a < d; a++) {
            for (int b = a; b < d; b++) {
                cov[a][b] /= n;
                cov[b][a] = cov[a][b];
            }
            trace += cov[a][a];
        }
        double ridge = RIDGE * Math.max(trace / d, 1e-12);
        for (int a = 0; a < d; a++) {
            cov[a][a] += ridge;
        }
        float[][] whitening = whitening(new Array2DRowRealMatrix(cov, false));
        float[] centreF = toFloats(centre);
        NoveltyModel partial = new NoveltyModel(new float[0][], whitening, centreF, new float[0][], k, Map.of());
        float[][] means = new float[classCount][];
        for (int c = 0; c < classCount; c++) {
            means[c] = toFloats(partial.whiten(toFloats(sums[c])));
        }
        return new NoveltyModel(means, whitening, centreF, reference(vectors, seed), k, Map.of());
    }

    private static float[][] whitening(RealMatrix cov) {
        EigenDecomposition eig = new EigenDecomposition(cov);
        double[] values = eig.getRealEigenvalues();
        int d = values.length;
        float[][] w = new float[d][d];
        for (int r = 0; r < d; r++) {
            double scale = 1 / Math.sqrt(Math.max(values[r], 1e-12));
            double[] v = eig.getEigenvector(r).toArray();
            for (int j = 0; j < d; j++) {
                w[r][j] = (float) (v[j] * scale);
            }
        }
        return w;
    }

    private static float[][] reference(float[][] vectors, long seed) {
        int[] order = new int[vectors.length];
        for (int i = 0; i < order.length; i++) {
            order[i] = i;
        }
        int m = Math.min(MAX_REFERENCE, order.length);
        SplittableRandom random = new SplittableRandom(seed);
        for (int i = 0; i < m; i++) {
            int j = i + random.nextInt(order.length - i);
            int tmp = order[i];
            order[i] = order[j];
            order[j] = tmp;
        }
        int[] kept = Arrays.copyOf(order, m);
        Arrays.sort(kept);
        float[][] out = new float[m][];
        for (int i = 0; i < m; i++) {
            out[i] = Vectors.unit(vectors[kept[i]]);
        }
        return out;
    }

    /**
     * The threshold that flags a fraction {@code falseAlarms} of known (in-distribution) held-out items: the
     * {@code 1 - falseAlarms} quantile of their scores (higher = more novel).
     */
    public static double threshold(double[] heldOutKnown, double falseAlarms) {
        double[] s = Arrays.stream(heldOutKnown).filter(v -> !Double.isNaN(v)).sorted().toArray();
        if (s.length == 0) {
            throw new IllegalArgumentException("no held-out scores to choose a threshold on");
        }
        int at = (int) Math.ceil((1 - falseAlarms) * s.length) - 1;
        return s[Math.max(0, Math.min(s.length - 1, at))];
    }

    private static float[] toFloats(double[] v) {
        float[] f = new float[v.length];
        for (int j = 0; j < v.length; j++) {
            f[j] = (float) v[j];
        }
        return f;
    }
}
