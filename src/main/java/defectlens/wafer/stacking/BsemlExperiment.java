package defectlens.wafer.stacking;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import defectlens.core.Progress;
import defectlens.wafer.WaferClassSet;
import defectlens.wafer.WaferDataset;
import defectlens.wafer.WaferMetrics;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

/**
 * Case 1 of the BSEML paper on one data file ({@link BsemlTraining}): the labelled maps of all 9 classes split
 * 80 / 20 exactly as {@code wafer train} splits them ({@code WaferSampling.stratified(data, all9, 0.2, testSeed)},
 * so the held-out maps are those of the shipped CNN bundles), the 59 features, and the seven models of the paper's
 * table - SVM, k-NN, soft voting (RF, DT, k-NN, SVM), stacking with a decision-tree meta level, bagging (the
 * 100-tree random forest), gradient boosting (200 XGBoost rounds on the features) and BSEML - measured on the
 * held-out maps. Writes {@code case-1.json} (metrics, confusion matrices, meta-level weights) and the BSEML
 * bundle {@code wafer-bseml-all9} into the output folder; a folder that already has {@code case-1.json} is not run
 * again (resumable).
 */
public final class BsemlExperiment {
    /** Share of labelled maps held out, as the CNN bundles. */
    public static final double TEST_FRACTION = 0.2;
    /** Boosting rounds of the compared gradient-boosting model. */
    public static final int BOOSTING_ROUNDS = 200;
    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    private BsemlExperiment() {
    }

    /** Runs case 1 (or reads its results when done) and returns the results document. */
    @SuppressWarnings("unchecked")
    public static Map<String, Object> run(WaferDataset data, Map<String, Object> fileFacts, long testSeed, long seed,
            Path out, Consumer<String> log, Progress progress) throws IOException {
        Path result = out.resolve("case-1.json");
        if (Files.isRegularFile(result)) {
            log.accept("case 1 already done: " + result);
            return JSON.readValue(result.toFile(), LinkedHashMap.class);
        }
        Files.createDirectories(out);
        BsemlTraining fit = BsemlTraining.fit(data, WaferClassSet.ALL9, TEST_FRACTION, testSeed, seed, log, progress);
        List<String> classes = fit.classes();
        long start = System.nanoTime();
        StackingEnsemble stackingDt = StackingEnsemble.withMeta(fit.bases(), StackingEnsemble.Meta.DECISION_TREE, seed);
        log.accept("gradient boosting, " + BOOSTING_ROUNDS + " rounds");
        BoostedTrees boosting = BoostedTrees.fit(fit.train(), BOOSTING_ROUNDS, seed, 1);
        double trainingSeconds = fit.seconds() + (System.nanoTime() - start) / 1e9;
        List<BaseLearner> learners = fit.bases().learners();
        List<ProbabilityClassifier> bases = fit.bases().bases();
        StackingEnsemble bseml = fit.bseml();
        Map<String, ProbabilityClassifier> models = new LinkedHashMap<>();
        models.put("SVM", bases.get(learners.indexOf(BaseLearner.SVM)));
        models.put("k-NN", bases.get(learners.indexOf(BaseLearner.K_NEAREST_NEIGHBOURS)));
        models.put("soft voting", new SoftVoting(bases));
        models.put("stacking (DT meta)", stackingDt);
        models.put("bagging (RF, 100)", bases.get(learners.indexOf(BaseLearner.RANDOM_FOREST)));
        models.put("gradient boosting (200)", boosting);
        models.put("BSEML", bseml);
        Map<String, Object> metrics = new LinkedHashMap<>();
        for (Map.Entry<String, ProbabilityClassifier> e : models.entrySet()) {
            WaferMetrics m = fit.test(e.getValue());
            Map<String, Object> doc = new LinkedHashMap<>();
            doc.put("macroF1", m.macroF1());
            doc.put("microF1", m.accuracy());
            doc.put("metrics", m.toJson());
            metrics.put(e.getKey(), doc);
            log.accept(String.format(java.util.Locale.ROOT, "%-24s macro-F1 %.4f  micro-F1 %.4f", e.getKey(),
                    m.macroF1(), m.accuracy()));
        }
        Map<String, Object> weights = new LinkedHashMap<>();
        double[][] w = bseml.metaWeights(classes.size());
        for (int b = 0; b < learners.size(); b++) {
            Map<String, Object> perClass = new LinkedHashMap<>();
            for (int c = 0; c < classes.size(); c++) {
                perClass.put(classes.get(c), w[b][c]);
            }
            weights.put(learners.get(b).id(), perClass);
        }
        fit.model(fileFacts, 1).save(out.resolve("wafer-bseml-all9"));
        Map<String, Object> doc = new LinkedHashMap<>();
        doc.put("case", 1);
        doc.put("data", fileFacts);
        doc.put("trainMaps", fit.train().size());
        doc.put("testMaps", fit.testY().length);
        doc.put("seed", seed);
        doc.put("trainingSeconds", trainingSeconds);
        doc.put("models", metrics);
        doc.put("metaWeights", weights);
        JSON.writeValue(result.toFile(), doc);
        return doc;
    }

    static int[] argMax(double[][] p) {
        int[] out = new int[p.length];
        for (int i = 0; i < p.length; i++) {
            int best = 0;
            for (int c = 1; c < p[i].length; c++) {
                if (p[i][c] > p[i][best]) {
                    best = c;
                }
            }
            out[i] = best;
        }
        return out;
    }
}
