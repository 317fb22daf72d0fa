package defectlens.wafer.stacking;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import defectlens.core.Progress;
import defectlens.wafer.WaferClassSet;
import defectlens.wafer.WaferDataset;
import defectlens.wafer.WaferMap;
import defectlens.wafer.WaferMetrics;
import defectlens.wafer.WaferSampling;
import defectlens.wafer.augment.AutoEncoderTraining;
import defectlens.wafer.augment.ConvAutoEncoder;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import java.util.function.Function;

/**
 * The cases of the BSEML paper on one data file ({@link BsemlTraining}, {@link TrainingCase}): the labelled maps
 * of all 9 classes split 80 / 20 exactly as {@code wafer train} splits them ({@code WaferSampling.stratified(data, all9, 0.2, testSeed)},
 * so the held-out maps are those of the shipped CNN bundles), the 59 features, and the seven models of the paper's
 * table - SVM, k-NN, soft voting (RF, DT, k-NN, SVM), stacking with a decision-tree meta level, bagging (the
 * 100-tree random forest), gradient boosting (200 XGBoost rounds on the features) and BSEML - measured on the
 * held-out maps. Cases 2 to 4 add CAE-augmented training maps (30 / 40 / 50 %); the auto-encoder is trained once
 * on the training part and kept in {@code cae/} of the output folder. Writes {@code case-N.json} (metrics,
 * confusion matrices, meta-level weights, for cases 2 to 4 the augmentation's kept / rejected counts per class)
 * and the BSEML bundle ({@code wafer-bseml-all9}, {@code wafer-bseml-all9-case-N}) into the output folder, case by
 * case; a case whose {@code case-N.json} exists is not run again, and a saved auto-encoder is reused (resumable).
 * Before the first fit, the SSIM filter's kept / rejected counts of every augmented case still to run are written to
 * {@code case-N-augmentation.json}, so they are known long before the slow fits end.
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
    public static Map<String, Object> run(WaferDataset data, Map<String, Object> fileFacts, long testSeed, long seed,
            Path out, Consumer<String> log, Progress progress) throws IOException {
        return run(data, fileFacts, testSeed, seed, out, List.of(1), AutoEncoderTraining.DEFAULTS, log, progress)
                .get(1);
    }

    /**
     * Runs the given cases in order (each skipped when its results exist) and returns their results documents.
     *
     * @param cae how the auto-encoder of cases 2 to 4 is trained when {@code out/cae} holds none
     */
    public static Map<Integer, Map<String, Object>> run(WaferDataset data, Map<String, Object> fileFacts,
            long testSeed, long seed, Path out, List<Integer> cases, AutoEncoderTraining cae, Consumer<String> log,
            Progress progress) throws IOException {
        Map<Integer, Map<String, Object>> docs = new LinkedHashMap<>();
        try (AutoEncoderSource source = new AutoEncoderSource(out.resolve("cae"), cae, log, progress)) {
            reportAugmentations(data, testSeed, seed, out, cases, source, log, progress);
            for (int k = 0; k < cases.size(); k++) {
                TrainingCase c = TrainingCase.of(cases.get(k));
                docs.put(c.number(), runCase(data, fileFacts, testSeed, seed, out, c, source, log,
                        progress.step(k, cases.size())));
            }
        }
        return docs;
    }

    /**
     * Before any model is fitted: the SSIM filter's figures of every augmented case still to run, written to
     * {@code case-N-augmentation.json} (the case's fit makes the same maps again from the same seed).
     */
    private static void reportAugmentations(WaferDataset data, long testSeed, long seed, Path out,
            List<Integer> cases, AutoEncoderSource cae, Consumer<String> log, Progress progress) throws IOException {
        List<WaferMap> training = null;
        for (int number : cases) {
            TrainingCase c = TrainingCase.of(number);
            Path report = out.resolve("case-" + number + "-augmentation.json");
            if (!c.augmented() || Files.isRegularFile(out.resolve("case-" + number + ".json"))
                    || Files.isRegularFile(report)) {
                continue;
            }
            if (training == null) {
                training = new ArrayList<>();
                for (int row : WaferSampling.stratified(data, WaferClassSet.ALL9, TEST_FRACTION,
                        testSeed).first()) {
                    training.add(data.get(row));
                }
            }
            progress.throwIfCancelled("the CAE augmentation");
            var result = c.augment(training, cae, seed, Progress.cancelledWhen(progress::isCancelled));
            log.accept("case " + number + " augmentation (" + training.size() + " training maps, ratio " + c.ratio()
                    + "):" + System.lineSeparator() + result.report().table());
            Files.createDirectories(out);
            Map<String, Object> doc = new LinkedHashMap<>(result.report().toJson());
            doc.put("autoEncoder", cae.apply(training).provenance());
            JSON.writeValue(report.toFile(), doc);
        }
    }

    /** Gives the experiment's one auto-encoder: loaded from its folder, or trained and saved there once. */
    private static final class AutoEncoderSource implements Function<List<WaferMap>, ConvAutoEncoder>,
            AutoCloseable {
        private final Path dir;
        private final AutoEncoderTraining settings;
        private final Consumer<String> log;
        private final Progress progress;
        private ConvAutoEncoder cae;

        AutoEncoderSource(Path dir, AutoEncoderTraining settings, Consumer<String> log, Progress progress) {
            this.dir = dir;
            this.settings = settings;
            this.log = log;
            this.progress = progress;
        }

        @Override
        public ConvAutoEncoder apply(List<WaferMap> training) {
            if (cae == null) {
                if (ConvAutoEncoder.isSaved(dir)) {
                    log.accept("auto-encoder from " + dir);
                    cae = ConvAutoEncoder.load(dir);
                } else {
                    log.accept("training the auto-encoder on " + training.size() + " training maps, "
                            + settings.epochs() + " epochs");
                    cae = settings.train(training, log, Progress.cancelledWhen(progress::isCancelled));
                    cae.save(dir);
                }
            }
            return cae;
        }

        @Override
        public void close() {
            if (cae != null) {
                cae.close();
            }
        }
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> runCase(WaferDataset data, Map<String, Object> fileFacts, long testSeed,
            long seed, Path out, TrainingCase trainingCase, AutoEncoderSource cae, Consumer<String> log,
            Progress progress) throws IOException {
        Path result = out.resolve("case-" + trainingCase.number() + ".json");
        if (Files.isRegularFile(result)) {
            log.accept("case " + trainingCase.number() + " already done: " + result);
            return JSON.readValue(result.toFile(), LinkedHashMap.class);
        }
        Files.createDirectories(out);
        BsemlTraining fit = BsemlTraining.fit(data, WaferClassSet.ALL9, TEST_FRACTION, testSeed, seed, trainingCase,
                cae, log, progress);
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
        fit.model(fileFacts).save(out.resolve(bundleName(trainingCase)));
        Map<String, Object> doc = new LinkedHashMap<>();
        doc.put("case", trainingCase.number());
        doc.put("data", fileFacts);
        doc.put("trainMaps", fit.train().size());
        doc.put("testMaps", fit.testY().length);
        doc.put("seed", seed);
        doc.put("trainingSeconds", trainingSeconds);
        doc.put("models", metrics);
        doc.put("metaWeights", weights);
        if (fit.augmentation() != null) {
            doc.put("augmentation", fit.augmentation());
            doc.put("autoEncoder", cae.apply(List.of()).provenance());
        }
        Path partial = out.resolve(result.getFileName() + ".tmp");
        JSON.writeValue(partial.toFile(), doc);
        Files.move(partial, result, java.nio.file.StandardCopyOption.REPLACE_EXISTING,
                java.nio.file.StandardCopyOption.ATOMIC_MOVE);
        return doc;
    }

    /** The folder name of a case's BSEML bundle. */
    public static String bundleName(TrainingCase trainingCase) {
        return trainingCase.number() == 1 ? "wafer-bseml-all9" : "wafer-bseml-all9-case-" + trainingCase.number();
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
