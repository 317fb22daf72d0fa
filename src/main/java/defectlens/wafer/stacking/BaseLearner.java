package defectlens.wafer.stacking;

import org.tribuo.Trainer;
import org.tribuo.classification.Label;
import org.tribuo.classification.dtree.CARTClassificationTrainer;
import org.tribuo.classification.dtree.impurity.GiniIndex;
import org.tribuo.classification.ensemble.VotingCombiner;
import org.tribuo.classification.libsvm.LibSVMClassificationTrainer;
import org.tribuo.classification.libsvm.SVMClassificationType;
import org.tribuo.common.libsvm.KernelType;
import org.tribuo.common.libsvm.SVMParameters;
import org.tribuo.common.nearest.KNNModel;
import org.tribuo.common.nearest.KNNTrainer;
import org.tribuo.math.distance.L2Distance;
import org.tribuo.math.neighbour.NeighboursQueryFactoryType;

/**
 * The four base classifiers of BSEML, with scikit-learn's defaults where the paper gives none: a random forest of
 * {@value #FOREST_TREES} trees (XGBoost's random-forest mode: one round of {@value #FOREST_TREES} parallel trees,
 * bootstrap share 0.632, sqrt(d) features per split, depth up to 12 - Tribuo's own forest took 100 s for 1,000
 * maps here), one Tribuo CART tree (Gini, grown fully), Tribuo k-NN ({@value #NEIGHBOURS} neighbours, Euclidean,
 * vote share as probability) and a Tribuo libsvm RBF SVM (C = 1, gamma = 1 / d on standardised features, Platt
 * probabilities) fitted on at most {@value #SVM_PER_CLASS} maps per class, since libsvm's time grows with the
 * square of the maps.
 */
public enum BaseLearner {
    RANDOM_FOREST("rf"),
    DECISION_TREE("dt"),
    K_NEAREST_NEIGHBOURS("knn"),
    SVM("svm");

    /** Trees of the base random forest (and of the compared bagging model). */
    public static final int FOREST_TREES = 100;
    /** Neighbours of k-NN. */
    public static final int NEIGHBOURS = 5;
    /** The most training maps per class the SVM is fitted on. */
    public static final int SVM_PER_CLASS = 300;

    static {
        libsvm.svm.svm_set_print_string_function(text -> { });
    }

    private final String id;

    BaseLearner(String id) {
        this.id = id;
    }

    /** Short name in model.json and reports. */
    public String id() {
        return id;
    }

    /** Fits this learner on standardised rows. */
    public ProbabilityClassifier fit(LabelledFeatures data, long seed) {
        int d = data.x()[0].length;
        switch (this) {
            case RANDOM_FOREST:
                return BoostedTrees.forest(data, FOREST_TREES, seed);
            case SVM:
                return TribuoClassifier.fit(trainer(d, seed), capped(data, SVM_PER_CLASS, seed));
            default:
                return TribuoClassifier.fit(trainer(d, seed), data);
        }
    }

    /** At most {@code perClass} rows of each class, a seeded draw, in their original order. */
    static LabelledFeatures capped(LabelledFeatures data, int perClass, long seed) {
        java.util.Random random = new java.util.Random(seed);
        java.util.Map<Integer, java.util.List<Integer>> byClass = new java.util.TreeMap<>();
        for (int i = 0; i < data.size(); i++) {
            byClass.computeIfAbsent(data.y()[i], c -> new java.util.ArrayList<>()).add(i);
        }
        java.util.List<Integer> keep = new java.util.ArrayList<>();
        for (java.util.List<Integer> rows : byClass.values()) {
            java.util.Collections.shuffle(rows, random);
            keep.addAll(rows.subList(0, Math.min(perClass, rows.size())));
        }
        return data.subset(keep.stream().mapToInt(Integer::intValue).sorted().toArray());
    }

    /** A Tribuo trainer for {@code features}-dimensional rows (the decision tree, k-NN and SVM). */
    Trainer<Label> trainer(int features, long seed) {
        switch (this) {
            case DECISION_TREE:
                return new CARTClassificationTrainer(Integer.MAX_VALUE, 1f, 0f, 1f, new GiniIndex(), seed);
            case K_NEAREST_NEIGHBOURS:
                return new KNNTrainer<>(NEIGHBOURS, new L2Distance(), 1, new VotingCombiner(),
                        KNNModel.Backend.INNERTHREADPOOL, NeighboursQueryFactoryType.BRUTE_FORCE);
            default:
                SVMParameters<Label> p = new SVMParameters<>(new SVMClassificationType(
                        SVMClassificationType.SVMMode.C_SVC), KernelType.RBF);
                p.setCost(1.0);
                p.setGamma(1.0 / features);
                p.setProbability();
                p.setCacheSize(200);
                return new LibSVMClassificationTrainer(p, seed);
        }
    }
}
