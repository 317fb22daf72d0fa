package defectlens.wafer.stacking;

import defectlens.core.Progress;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/**
 * A stacking ensemble: base classifiers whose class probabilities feed a meta classifier. The meta level is
 * trained on OUT-OF-FOLD probabilities (each training map's probabilities come from base models fitted on the
 * other folds, stratified by class), so it never sees predictions on maps a base model was fitted on; a map made
 * from another (CAE augmentation) shares its source's fold, so neither sees a prediction of a model fitted on a
 * near-copy of it. The base models are then refitted on all training maps. With an XGBoost meta level this is BSEML (Choi, Suh and Otto,
 * 2023); with a decision-tree meta level, the paper's "stacking" baseline.
 */
public final class StackingEnsemble implements ProbabilityClassifier {
    /** Folds of the out-of-fold probabilities. */
    public static final int FOLDS = 5;
    /** Boosting rounds of the XGBoost meta level (XGBoost's default n_estimators). */
    public static final int META_ROUNDS = 100;

    /** The meta-level learner. */
    public enum Meta { XGBOOST, DECISION_TREE }

    private final List<BaseLearner> learners;
    private final List<ProbabilityClassifier> bases;
    private final ProbabilityClassifier meta;

    StackingEnsemble(List<BaseLearner> learners, List<ProbabilityClassifier> bases, ProbabilityClassifier meta) {
        this.learners = List.copyOf(learners);
        this.bases = List.copyOf(bases);
        this.meta = meta;
    }

    /**
     * The fitted base models and their out-of-fold probabilities on the training rows (learner-major columns), from
     * which any meta level can be trained.
     */
    public record BaseFit(List<BaseLearner> learners, List<ProbabilityClassifier> bases, LabelledFeatures outOfFold) {
    }

    /** Trains the ensemble (base models and an XGBoost or decision-tree meta level) on standardised rows. */
    public static StackingEnsemble fit(LabelledFeatures train, List<BaseLearner> learners, Meta metaKind, long seed,
            Progress progress) {
        return withMeta(fitBases(train, learners, seed, progress), metaKind, seed);
    }

    /** The meta level of kind {@code metaKind} over fitted base models. */
    public static StackingEnsemble withMeta(BaseFit fit, Meta metaKind, long seed) {
        LabelledFeatures metaTrain = fit.outOfFold();
        ProbabilityClassifier meta = metaKind == Meta.XGBOOST
                ? BoostedTrees.fit(metaTrain, META_ROUNDS, seed, 1)
                : BaseLearner.DECISION_TREE.fit(metaTrain, seed);
        return new StackingEnsemble(fit.learners(), fit.bases(), meta);
    }

    /** Out-of-fold probabilities of every base learner ({@value #FOLDS} folds), then the bases on all rows. */
    public static BaseFit fitBases(LabelledFeatures train, List<BaseLearner> learners, long seed, Progress progress) {
        return fitBases(train, null, learners, seed, progress);
    }

    /**
     * Out-of-fold probabilities of every base learner ({@value #FOLDS} folds), then the bases on all rows.
     *
     * @param sources per training row the row it was made from: its own index for a raw map, its source's index
     *        for a map made from another (CAE augmentation), or null when every row is raw. A made map falls into
     *        its source's fold, so no base model gives out-of-fold probabilities for a map while fitted on a
     *        near-copy of it
     */
    public static BaseFit fitBases(LabelledFeatures train, int[] sources, List<BaseLearner> learners, long seed,
            Progress progress) {
        int classes = train.classes().size();
        double[][] oof = new double[train.size()][learners.size() * classes];
        int[] fold = sources == null ? folds(train.y(), FOLDS, seed) : folds(train.y(), sources, FOLDS, seed);
        int steps = (FOLDS + 1) * learners.size();
        int step = 0;
        for (int f = 0; f < FOLDS; f++) {
            int[] in = rows(fold, f, false);
            int[] out = rows(fold, f, true);
            LabelledFeatures fitPart = train.subset(in);
            double[][] heldX = train.subset(out).x();
            for (int b = 0; b < learners.size(); b++) {
                progress.throwIfCancelled("stacking");
                progress.update((double) step++ / steps, "fold " + (f + 1) + "/" + FOLDS + ": " + learners.get(b).id());
                double[][] p = learners.get(b).fit(fitPart, seed + f).probabilities(heldX);
                for (int i = 0; i < out.length; i++) {
                    System.arraycopy(p[i], 0, oof[out[i]], b * classes, classes);
                }
            }
        }
        List<ProbabilityClassifier> bases = new ArrayList<>();
        for (BaseLearner learner : learners) {
            progress.throwIfCancelled("stacking");
            progress.update((double) step++ / steps, "all training maps: " + learner.id());
            bases.add(learner.fit(train, seed));
        }
        progress.update(1.0, "base models done");
        return new BaseFit(learners, bases, new LabelledFeatures(oof, train.y(), train.classes()));
    }

    /** Fold of each row: per class, a seeded shuffle dealt round-robin. */
    static int[] folds(int[] y, int k, long seed) {
        int[] fold = new int[y.length];
        int classes = 0;
        for (int c : y) {
            classes = Math.max(classes, c + 1);
        }
        Random random = new Random(seed);
        for (int c = 0; c < classes; c++) {
            List<Integer> members = new ArrayList<>();
            for (int i = 0; i < y.length; i++) {
                if (y[i] == c) {
                    members.add(i);
                }
            }
            java.util.Collections.shuffle(members, random);
            for (int j = 0; j < members.size(); j++) {
                fold[members.get(j)] = j % k;
            }
        }
        return fold;
    }

    /**
     * Fold of each row when some rows are made from others: the raw rows ({@code sources[i] == i}) dealt as
     * {@link #folds(int[], int, long)} deals them (so with no made row the folds are the same), each made row in its
     * source's fold.
     */
    static int[] folds(int[] y, int[] sources, int k, long seed) {
        if (sources.length != y.length) {
            throw new IllegalArgumentException(sources.length + " sources for " + y.length + " rows");
        }
        int[] raw = java.util.stream.IntStream.range(0, y.length).filter(i -> sources[i] == i).toArray();
        int[] rawY = new int[raw.length];
        for (int j = 0; j < raw.length; j++) {
            rawY[j] = y[raw[j]];
        }
        int[] rawFold = folds(rawY, k, seed);
        int[] fold = new int[y.length];
        for (int j = 0; j < raw.length; j++) {
            fold[raw[j]] = rawFold[j];
        }
        for (int i = 0; i < y.length; i++) {
            int s = sources[i];
            if (s != i) {
                if (s < 0 || s >= y.length || sources[s] != s) {
                    throw new IllegalArgumentException("row " + i + " is made from row " + s
                            + ", which is not a raw row");
                }
                fold[i] = fold[s];
            }
        }
        return fold;
    }

    private static int[] rows(int[] fold, int f, boolean inFold) {
        return java.util.stream.IntStream.range(0, fold.length).filter(i -> (fold[i] == f) == inFold).toArray();
    }

    /** The meta level's inputs: the base models' probabilities side by side (learner-major). */
    public double[][] metaInputs(double[][] x) {
        double[][][] p = new double[bases.size()][][];
        for (int b = 0; b < bases.size(); b++) {
            p[b] = bases.get(b).probabilities(x);
        }
        int classes = p[0][0].length;
        double[][] out = new double[x.length][bases.size() * classes];
        for (int i = 0; i < x.length; i++) {
            for (int b = 0; b < bases.size(); b++) {
                System.arraycopy(p[b][i], 0, out[i], b * classes, classes);
            }
        }
        return out;
    }

    @Override
    public double[][] probabilities(double[][] x) {
        return meta.probabilities(metaInputs(x));
    }

    public List<BaseLearner> learners() {
        return learners;
    }

    List<ProbabilityClassifier> bases() {
        return bases;
    }

    ProbabilityClassifier meta() {
        return meta;
    }

    /**
     * The meta level's weight of each (base learner, class) probability: its share of the XGBoost meta level's
     * total split gain, {@code [learner][class]}, summing to 1 (all 0 for a decision-tree meta level).
     */
    public double[][] metaWeights(int classes) {
        double[][] w = new double[learners.size()][classes];
        if (!(meta instanceof BoostedTrees boosted)) {
            return w;
        }
        double[] gain = boosted.totalGain(learners.size() * classes);
        double total = java.util.Arrays.stream(gain).sum();
        for (int b = 0; b < learners.size(); b++) {
            for (int c = 0; c < classes; c++) {
                w[b][c] = total > 0 ? gain[b * classes + c] / total : 0;
            }
        }
        return w;
    }
}
