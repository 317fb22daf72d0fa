package defectlens.wafer.stacking;

import org.tribuo.Trainer;
import org.tribuo.classification.Label;
import org.tribuo.classification.dtree.CARTClassificationTrainer;
import org.tribuo.classification.dtree.impurity.GiniIndex;
import org.tribuo.classification.libsvm.LibSVMClassificationTrainer;
import org.tribuo.classification.libsvm.SVMClassificationType;
import org.tribuo.common.libsvm.KernelType;
import org.tribuo.common.libsvm.SVMParameters;

/**
 * The four base classifiers of BSEML. The paper gives no settings; these were chosen on a validation part carved
 * from the training maps (docs/experiments/bseml.md) and keep the bundle small: a random forest of
 * {@value #FOREST_TREES} trees (XGBoost's random-forest mode: one round of parallel trees, bootstrap share 0.632,
 * sqrt(d) features per split, depth up to {@value #FOREST_DEPTH}, leaves down to one map - Tribuo's own forest took
 * 100 s for 1,000 maps here), one Tribuo CART tree (Gini, depth up to {@value #TREE_DEPTH}, so its probabilities are
 * leaf shares rather than 0/1), k-NN ({@link NearestNeighbours}, {@value #NEIGHBOURS} neighbours, Euclidean, vote
 * share as probability, at most {@value #KNN_PER_CLASS} reference maps per class) and a Tribuo libsvm RBF SVM
 * (C = {@value #SVM_COST}, gamma = 1 / d on standardised features, Platt probabilities) fitted on at most
 * {@value #SVM_PER_CLASS} maps per class, since libsvm's time grows with the square of the maps.
 */
public enum BaseLearner {
    RANDOM_FOREST("rf"),
    DECISION_TREE("dt"),
    K_NEAREST_NEIGHBOURS("knn"),
    SVM("svm");

    /** Trees of the base random forest (and of the compared bagging model). */
    public static final int FOREST_TREES = 100;
    /** Depth limit of the forest's trees. */
    public static final int FOREST_DEPTH = 10;
    /** Smallest hessian weight of a forest leaf. */
    public static final double FOREST_MIN_CHILD_WEIGHT = 0;
    /** Depth limit of the decision tree. */
    public static final int TREE_DEPTH = 10;
    /** Neighbours of k-NN. */
    public static final int NEIGHBOURS = 5;
    /** The most reference maps per class k-NN keeps. */
    public static final int KNN_PER_CLASS = 2000;
    /** The most training maps per class the SVM is fitted on. */
    public static final int SVM_PER_CLASS = 1000;
    /** The SVM's cost C. */
    public static final double SVM_COST = 10.0;

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
        switch (this) {
            case RANDOM_FOREST:
                return BoostedTrees.forest(data, FOREST_TREES, FOREST_DEPTH, FOREST_MIN_CHILD_WEIGHT, seed);
            case DECISION_TREE:
                return TribuoClassifier.fit(tree(TREE_DEPTH, seed), data);
            case K_NEAREST_NEIGHBOURS:
                return NearestNeighbours.fit(capped(data, KNN_PER_CLASS, seed), NEIGHBOURS);
            default:
                return TribuoClassifier.fit(svm(data.x()[0].length, SVM_COST, seed),
                        capped(data, SVM_PER_CLASS, seed));
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

    /** Tribuo's CART tree (Gini) grown to at most {@code depth} levels. */
    static Trainer<Label> tree(int depth, long seed) {
        return new CARTClassificationTrainer(depth, 1f, 0f, 1f, new GiniIndex(), seed);
    }

    /** Tribuo's libsvm C-SVC with an RBF kernel (gamma = 1 / features) and Platt probabilities. */
    static Trainer<Label> svm(int features, double cost, long seed) {
        SVMParameters<Label> p = new SVMParameters<>(new SVMClassificationType(
                SVMClassificationType.SVMMode.C_SVC), KernelType.RBF);
        p.setCost(cost);
        p.setGamma(1.0 / features);
        p.setProbability();
        p.setCacheSize(200);
        return new LibSVMClassificationTrainer(p, seed);
    }
}
