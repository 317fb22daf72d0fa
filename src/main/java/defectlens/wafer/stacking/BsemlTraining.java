package defectlens.wafer.stacking;

import defectlens.core.Progress;
import defectlens.wafer.WaferClassSet;
import defectlens.wafer.WaferDataset;
import defectlens.wafer.WaferMap;
import defectlens.wafer.WaferMetrics;
import defectlens.wafer.WaferSampling;
import defectlens.wafer.features.FeatureExtractor;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

/**
 * Case 1 of the BSEML paper, the training part that {@code wafer train --variant bseml} and
 * {@code wafer experiment --method bseml} share: the labelled maps of a class set split as {@code wafer train}
 * splits them ({@code WaferSampling.stratified(data, classSet, testFraction, testSeed)}), the 59 features of both
 * parts, the scaler fitted on the training part, the four base models with their out-of-fold probabilities and the
 * XGBoost meta level.
 *
 * @param classSet the classes trained
 * @param scaler standardises the features (fitted on the training maps)
 * @param train the scaled features of the training maps
 * @param testX the scaled features of the held-out maps
 * @param testY the class index of each held-out map
 * @param bases the base models and their out-of-fold probabilities (the experiment's other models reuse them)
 * @param bseml the stacking ensemble with the XGBoost meta level
 */
public record BsemlTraining(WaferClassSet classSet, double testFraction, long testSeed, long seed, FeatureScaler scaler,
        LabelledFeatures train, double[][] testX, int[] testY, StackingEnsemble.BaseFit bases, StackingEnsemble bseml,
        double seconds) {

    /** Splits, computes the features and fits the base models and the XGBoost meta level. */
    public static BsemlTraining fit(WaferDataset data, WaferClassSet set, double testFraction, long testSeed,
            long seed, Consumer<String> log, Progress progress) {
        List<String> classes = set.classes();
        WaferSampling.Split split = WaferSampling.stratified(data, set, testFraction, testSeed);
        if (split.first().isEmpty()) {
            throw new IllegalArgumentException("no labelled map of the classes " + classes + " to train on");
        }
        long start = System.nanoTime();
        log.accept("features of " + (split.first().size() + split.second().size()) + " maps");
        LabelledFeatures trainRaw = features(data, split.first(), classes);
        LabelledFeatures testRaw = features(data, split.second(), classes);
        FeatureScaler scaler = FeatureScaler.fit(trainRaw.x());
        LabelledFeatures train = new LabelledFeatures(scaler.apply(trainRaw.x()), trainRaw.y(), classes);
        log.accept("base models with " + StackingEnsemble.FOLDS + "-fold out-of-fold probabilities on "
                + train.size() + " training maps");
        StackingEnsemble.BaseFit bases = StackingEnsemble.fitBases(train, List.of(BaseLearner.values()), seed,
                progress);
        StackingEnsemble bseml = StackingEnsemble.withMeta(bases, StackingEnsemble.Meta.XGBOOST, seed);
        return new BsemlTraining(set, testFraction, testSeed, seed, scaler, train, scaler.apply(testRaw.x()),
                testRaw.y(), bases, bseml, (System.nanoTime() - start) / 1e9);
    }

    public List<String> classes() {
        return classSet.classes();
    }

    /** Metrics of {@code model} on the held-out maps. */
    public WaferMetrics test(ProbabilityClassifier model) {
        return WaferMetrics.of(classes(), testY, BsemlExperiment.argMax(model.probabilities(testX)));
    }

    /**
     * The BSEML bundle with its provenance (class set, data file, split, training settings and its held-out
     * figures), so {@code --heldout} of {@code wafer evaluate} finds the same maps again.
     */
    public BsemlModel model(Map<String, Object> fileFacts, int trainingCase) {
        WaferMetrics m = test(bseml);
        Map<String, Object> provenance = new LinkedHashMap<>();
        provenance.put("classSet", classSet.id());
        provenance.put("data", fileFacts);
        provenance.put("split", Map.of("testFraction", testFraction, "testSeed", testSeed,
                "testMethod", "WaferSampling.stratified(data, classSet, testFraction, testSeed).second()"));
        provenance.put("training", Map.of("case", trainingCase, "maps", train.size(), "seed", seed,
                "folds", StackingEnsemble.FOLDS, "metaRounds", StackingEnsemble.META_ROUNDS,
                "svmMapsPerClass", BaseLearner.SVM_PER_CLASS, "seconds", seconds,
                "trainedAt", Instant.now().toString()));
        provenance.put("heldOutTest", Map.of("n", testY.length, "macroF1", m.macroF1(), "microF1", m.accuracy()));
        return new BsemlModel(classes(), scaler, bseml, provenance);
    }

    private static LabelledFeatures features(WaferDataset data, List<Integer> rows, List<String> classes) {
        List<WaferMap> maps = new ArrayList<>(rows.size());
        int[] y = new int[rows.size()];
        for (int i = 0; i < rows.size(); i++) {
            WaferMap m = data.get(rows.get(i));
            maps.add(m);
            y[i] = classes.indexOf(m.label());
        }
        return new LabelledFeatures(FeatureExtractor.all(maps), y, classes);
    }
}
