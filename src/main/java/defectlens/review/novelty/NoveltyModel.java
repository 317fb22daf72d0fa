package defectlens.review.novelty;

import defectlens.review.embedding.Embedded;
import defectlens.review.embedding.Vectors;
import java.util.EnumMap;
import java.util.Map;

/**
 * A model's novelty scorer, fitted once on the embeddings of its training data ({@link NoveltyFit}) and kept in
 * the bundle ({@link NoveltyStore}): the class means and the whitening of the shared covariance for the Mahalanobis
 * distance, unit-length training embeddings for the k-NN distance, and the threshold of each score above which an
 * item counts as novel. Immutable; thread-safe.
 *
 * @param means class means in whitened coordinates, classes x dimension
 * @param whitening rows of the whitening matrix W (W^T W = inverse shared covariance), dimension x dimension
 * @param centre the mean the embeddings are centred on before whitening
 * @param reference unit-length training embeddings for the k-NN distance, items x dimension
 * @param k which nearest training item the k-NN distance measures
 * @param thresholds per score, the value above which an item is flagged as novel (may be empty before a choice)
 */
public record NoveltyModel(float[][] means, float[][] whitening, float[] centre, float[][] reference, int k,
        Map<NoveltyScore, Double> thresholds) {

    public NoveltyModel {
        thresholds = thresholds.isEmpty() ? Map.of() : Map.copyOf(new EnumMap<>(thresholds));
    }

    /** Values per embedding. */
    public int dimension() {
        return centre.length;
    }

    /** The same scorer with these thresholds. */
    public NoveltyModel withThresholds(Map<NoveltyScore, Double> chosen) {
        return new NoveltyModel(means, whitening, centre, reference, k, chosen);
    }

    /** Every score of every item, {@code [score.ordinal()][item]}. */
    public double[][] scores(Embedded e) {
        int n = e.vectors().length;
        double[][] out = new double[NoveltyScore.values().length][n];
        java.util.stream.IntStream.range(0, n).parallel().forEach(i -> {
            out[NoveltyScore.MAHALANOBIS.ordinal()][i] = mahalanobis(e.vectors()[i]);
            out[NoveltyScore.KNN.ordinal()][i] = knnDistance(e.vectors()[i]);
            out[NoveltyScore.ENERGY.ordinal()][i] = energy(e.logits()[i]);
            out[NoveltyScore.MSP.ordinal()][i] = 1 - max(e.probabilities()[i]);
        });
        return out;
    }

    /** The squared Mahalanobis distance of an embedding to the nearest class mean. */
    public double mahalanobis(float[] x) {
        double[] z = whiten(x);
        double best = Double.POSITIVE_INFINITY;
        for (float[] m : means) {
            double d = 0;
            for (int j = 0; j < z.length; j++) {
                double t = z[j] - m[j];
                d += t * t;
            }
            best = Math.min(best, d);
        }
        return best;
    }

    /** The embedding centred and whitened. */
    double[] whiten(float[] x) {
        int d = centre.length;
        if (x.length != d) {
            throw new IllegalArgumentException("an embedding of " + x.length + " values for a scorer of " + d);
        }
        double[] c = new double[d];
        for (int j = 0; j < d; j++) {
            c[j] = x[j] - centre[j];
        }
        double[] z = new double[d];
        for (int r = 0; r < d; r++) {
            float[] w = whitening[r];
            double s = 0;
            for (int j = 0; j < d; j++) {
                s += w[j] * c[j];
            }
            z[r] = s;
        }
        return z;
    }

    /** One minus the cosine similarity to the k-th most similar training embedding. */
    public double knnDistance(float[] x) {
        float[] u = Vectors.unit(x);
        int kk = Math.min(k, reference.length);
        double[] top = new double[kk]; // the kk largest similarities, ascending
        java.util.Arrays.fill(top, Double.NEGATIVE_INFINITY);
        for (float[] r : reference) {
            double s = Vectors.dot(u, r);
            if (s > top[0]) {
                int p = 0;
                while (p + 1 < kk && top[p + 1] < s) {
                    top[p] = top[p + 1];
                    p++;
                }
                top[p] = s;
            }
        }
        return 1 - top[0];
    }

    /** The negative free energy: {@code -log sum exp(logits)}. */
    public static double energy(float[] logits) {
        double m = Double.NEGATIVE_INFINITY;
        for (float v : logits) {
            m = Math.max(m, v);
        }
        double s = 0;
        for (float v : logits) {
            s += Math.exp(v - m);
        }
        return -(m + Math.log(s));
    }

    private static double max(float[] p) {
        double m = Double.NEGATIVE_INFINITY;
        for (float v : p) {
            m = Math.max(m, v);
        }
        return m;
    }
}
