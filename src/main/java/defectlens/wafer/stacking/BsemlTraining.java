package defectlens.wafer.stacking;

import defectlens.core.Progress;
import defectlens.wafer.WaferClassSet;
import defectlens.wafer.WaferDataset;
import defectlens.wafer.WaferMap;
import defectlens.wafer.WaferMetrics;
import defectlens.wafer.WaferSampling;
import defectlens.wafer.augment.CaeAugmentation;
import defectlens.wafer.augment.ConvAutoEncoder;
import defectlens.wafer.features.FeatureExtractor;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import java.util.function.Function;

/**
 * One case of the BSEML paper ({@link TrainingCase}), the training part that {@code wafer train --variant bseml} and
 * {@code wafer experiment --method bseml} share: the labelled maps of a class set split as {@code wafer train}
 * splits them ({@code WaferSampling.stratified(data, classSet, testFraction, testSeed)}), for cases 2 to 4 the
 * training part plus its CAE-augmented maps (the held-out part is never augmented), the 59 features of both parts,
 * the scaler fitted on the training part, the four base models with their out-of-fold probabilities (a made map in
 * its source's fold) and the XGBoost meta level.
 *
 * @param classSet the classes trained
 * @param scaler standardises the features (fitted on the training maps)
 * @param train the scaled features of the training maps
 * @param testX the scaled features of the held-out maps
 * @param testY the class index of each held-out map
 * @param bases the base models and their out-of-fold probabilities (the experiment's other models reuse them)
 * @param bseml the stacking ensemble with the XGBoost meta level
 * @param trainingCase the paper's case trained
 * @param augmentation the CAE augmentation's report as JSON-ready maps (null for case 1)
 */
public record BsemlTraining(WaferClassSet classSet, double testFraction, long testSeed, long seed, FeatureScaler scaler,
        LabelledFeatures train, double[][] testX, int[] testY, StackingEnsemble.BaseFit bases, StackingEnsemble bseml,
        double seconds, TrainingCase trainingCase, Map<String, Object> augmentation) {

    /** Case 1: splits, computes the features and fits the base models and the XGBoost meta level. */
    public static BsemlTraining fit(WaferDataset data, WaferClassSet set, double testFraction, long testSeed,
            long seed, Consumer<String> log, Progress progress) {
        return fit(data, set, testFraction, testSeed, seed, TrainingCase.RAW, maps -> {
            throw new IllegalStateException("case 1 needs no auto-encoder");
        }, log, progress);
    }

    /**
     * Splits, augments the training part as {@code trainingCase} says (with the auto-encoder that
     * {@code autoEncoder} gives for the training maps), computes the features and fits the base models and the
     * XGBoost meta level.
     */
    public static BsemlTraining fit(WaferDataset data, WaferClassSet set, double testFraction, long testSeed,
            long seed, TrainingCase trainingCase, Function<List<WaferMap>, ConvAutoEncoder> autoEncoder,
            Consumer<String> log, Progress progress) {
        List<String> classes = set.classes();
        WaferSampling.Split split = WaferSampling.stratified(data, set, testFraction, testSeed);
        if (split.first().isEmpty()) {
            throw new IllegalArgumentException("no labelled map of the classes " + classes + " to train on");
        }
        long start = System.nanoTime();
        List<WaferMap> trainMaps = maps(data, split.first());
        Map<String, Object> augmentation = null;
        int[] sources = null;
        if (trainingCase.augmented()) {
            log.accept("case " + trainingCase.number() + ": CAE augmentation of " + trainMaps.size()
                    + " training maps, ratio " + trainingCase.ratio());
            CaeAugmentation.Result result = trainingCase.augment(trainMaps, autoEncoder, seed,
                    progress.range(0, 0.2));
            log.accept(result.report().table());
            augmentation = result.report().toJson();
            sources = sources(trainMaps.size(), result.maps());
            trainMaps = new ArrayList<>(trainMaps);
            trainMaps.addAll(result.maps());
        }
        log.accept("features of " + (trainMaps.size() + split.second().size()) + " maps");
        LabelledFeatures trainRaw = features(trainMaps, classes);
        LabelledFeatures testRaw = features(maps(data, split.second()), classes);
        FeatureScaler scaler = FeatureScaler.fit(trainRaw.x());
        LabelledFeatures train = new LabelledFeatures(scaler.apply(trainRaw.x()), trainRaw.y(), classes);
        log.accept("base models with " + StackingEnsemble.FOLDS + "-fold out-of-fold probabilities on "
                + train.size() + " training maps");
        StackingEnsemble.BaseFit bases = StackingEnsemble.fitBases(train, sources, List.of(BaseLearner.values()),
                seed, trainingCase.augmented() ? progress.range(0.2, 1) : progress);
        StackingEnsemble bseml = StackingEnsemble.withMeta(bases, StackingEnsemble.Meta.XGBOOST, seed);
        return new BsemlTraining(set, testFraction, testSeed, seed, scaler, train, scaler.apply(testRaw.x()),
                testRaw.y(), bases, bseml, (System.nanoTime() - start) / 1e9, trainingCase, augmentation);
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
    public BsemlModel model(Map<String, Object> fileFacts) {
        WaferMetrics m = test(bseml);
        Map<String, Object> provenance = new LinkedHashMap<>();
        provenance.put("classSet", classSet.id());
        provenance.put("data", fileFacts);
        provenance.put("split", Map.of("testFraction", testFraction, "testSeed", testSeed,
                "testMethod", "WaferSampling.stratified(data, classSet, testFraction, testSeed).second()"));
        Map<String, Object> training = new LinkedHashMap<>(Map.of("case", trainingCase.number(), "maps", train.size(),
                "seed", seed, "folds", StackingEnsemble.FOLDS, "metaRounds", StackingEnsemble.META_ROUNDS,
                "svmMapsPerClass", BaseLearner.SVM_PER_CLASS, "seconds", seconds,
                "trainedAt", Instant.now().toString()));
        if (augmentation != null) {
            training.put("augmentation", augmentation);
        }
        provenance.put("training", training);
        provenance.put("heldOutTest", Map.of("n", testY.length, "macroF1", m.macroF1(), "microF1", m.accuracy()));
        return new BsemlModel(classes(), scaler, bseml, provenance);
    }

    /**
     * The source row of every training row: {@code raw} raw maps (each its own source) followed by the made ones,
     * whose wafer index is the position of their source among the raw maps ({@link CaeAugmentation.Result}).
     */
    static int[] sources(int raw, List<WaferMap> made) {
        int[] sources = new int[raw + made.size()];
        for (int i = 0; i < raw; i++) {
            sources[i] = i;
        }
        for (int j = 0; j < made.size(); j++) {
            sources[raw + j] = (int) made.get(j).waferIndex();
        }
        return sources;
    }

    private static List<WaferMap> maps(WaferDataset data, List<Integer> rows) {
        List<WaferMap> maps = new ArrayList<>(rows.size());
        rows.forEach(r -> maps.add(data.get(r)));
        return maps;
    }

    private static LabelledFeatures features(List<WaferMap> maps, List<String> classes) {
        int[] y = new int[maps.size()];
        for (int i = 0; i < maps.size(); i++) {
            y[i] = classes.indexOf(maps.get(i).label());
        }
        return new LabelledFeatures(FeatureExtractor.all(maps), y, classes);
    }
}
