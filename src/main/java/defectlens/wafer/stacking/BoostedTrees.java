package defectlens.wafer.stacking;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.zip.GZIPInputStream;
import java.util.zip.GZIPOutputStream;
import ml.dmlc.xgboost4j.java.Booster;
import ml.dmlc.xgboost4j.java.DMatrix;
import ml.dmlc.xgboost4j.java.XGBoost;
import ml.dmlc.xgboost4j.java.XGBoostError;

/**
 * Gradient-boosted trees of XGBoost4J ({@code multi:softprob}; XGBoost's defaults: depth 6, learning rate 0.3,
 * histogram trees), as the BSEML meta level and as the compared gradient-boosting model.
 */
public final class BoostedTrees implements ProbabilityClassifier {
    private final Booster booster;
    private final int classes;

    private BoostedTrees(Booster booster, int classes) {
        this.booster = booster;
        this.classes = classes;
    }

    /** Trains {@code rounds} boosting rounds. */
    public static BoostedTrees fit(LabelledFeatures data, int rounds, long seed, int threads) {
        return train(data, rounds, seed, threads, Map.of());
    }

    /**
     * A random forest in XGBoost's random-forest mode: one round of {@code trees} parallel trees, learning rate 1,
     * bootstrap share 0.632, sqrt(d) features per split, depth up to {@code depth}, leaves of at least
     * {@code minChildWeight} hessian weight (0: a leaf may hold a single map, as in a scikit-learn forest).
     */
    public static BoostedTrees forest(LabelledFeatures data, int trees, int depth, double minChildWeight, long seed) {
        int d = data.x()[0].length;
        return train(data, 1, seed, 1, Map.of("num_parallel_tree", trees, "learning_rate", 1.0, "subsample", 0.632,
                "colsample_bynode", Math.floor(Math.sqrt(d)) / d, "max_depth", depth,
                "min_child_weight", minChildWeight));
    }

    static BoostedTrees train(LabelledFeatures data, int rounds, long seed, int threads,
            Map<String, Object> extra) {
        try {
            DMatrix m = matrix(data.x());
            float[] labels = new float[data.size()];
            for (int i = 0; i < labels.length; i++) {
                labels[i] = data.y()[i];
            }
            m.setLabel(labels);
            Map<String, Object> params = new HashMap<>();
            params.put("objective", "multi:softprob");
            params.put("num_class", data.classes().size());
            params.put("seed", seed);
            params.put("nthread", threads);
            params.put("tree_method", "hist");
            params.put("verbosity", 0);
            params.putAll(extra);
            Booster b = XGBoost.train(m, params, rounds, new HashMap<>(), null, null);
            m.dispose();
            return new BoostedTrees(b, data.classes().size());
        } catch (XGBoostError e) {
            throw new IllegalStateException("XGBoost training failed: " + e.getMessage(), e);
        }
    }

    private static DMatrix matrix(double[][] x) throws XGBoostError {
        int d = x[0].length;
        float[] flat = new float[x.length * d];
        for (int i = 0; i < x.length; i++) {
            for (int k = 0; k < d; k++) {
                flat[i * d + k] = (float) x[i][k];
            }
        }
        return new DMatrix(flat, x.length, d, Float.NaN);
    }

    @Override
    public double[][] probabilities(double[][] x) {
        try {
            DMatrix m = matrix(x);
            float[][] p = booster.predict(m);
            m.dispose();
            double[][] out = new double[p.length][classes];
            for (int i = 0; i < p.length; i++) {
                for (int c = 0; c < classes; c++) {
                    out[i][c] = p[i][c];
                }
            }
            return out;
        } catch (XGBoostError e) {
            throw new IllegalStateException("XGBoost prediction failed: " + e.getMessage(), e);
        }
    }

    /** Total gain of the splits on each input feature ({@code f0, f1, ...}), 0 for a feature never used. */
    public double[] totalGain(int features) {
        try {
            String[] names = new String[features];
            for (int k = 0; k < features; k++) {
                names[k] = "f" + k;
            }
            // explicit names: a null name array crashes XGBoost4J 3.4's native model dump
            Map<String, Double> gain = booster.getScore(names, "total_gain");
            double[] out = new double[features];
            for (int k = 0; k < features; k++) {
                out[k] = gain.getOrDefault("f" + k, 0.0);
            }
            return out;
        } catch (XGBoostError e) {
            throw new IllegalStateException("XGBoost importance failed: " + e.getMessage(), e);
        }
    }

    /** Writes the booster gzipped in XGBoost's binary JSON model format (UBJSON). */
    void save(Path file) throws IOException {
        try (OutputStream out = new GZIPOutputStream(Files.newOutputStream(file))) {
            booster.saveModel(out, "ubj");
        } catch (XGBoostError e) {
            throw new IOException(e.getMessage(), e);
        }
    }

    /** Reads a booster written by {@link #save(Path)}. */
    static BoostedTrees load(Path file, List<String> classes) throws IOException {
        try (InputStream in = new GZIPInputStream(Files.newInputStream(file))) {
            return new BoostedTrees(XGBoost.loadModel(in), classes.size());
        } catch (XGBoostError e) {
            throw new IOException(e.getMessage(), e);
        }
    }
}
