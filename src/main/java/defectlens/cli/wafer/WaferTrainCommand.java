package defectlens.cli.wafer;

import defectlens.cli.InterruptCancellation;
import defectlens.cli.Json;
import defectlens.cli.JsonOption;
import defectlens.cli.TerminalProgress;
import defectlens.core.DefectLensException;
import defectlens.model.EpochReport;
import defectlens.wafer.TrainingAugmentation;
import defectlens.wafer.WaferClassSet;
import defectlens.wafer.WaferDataset;
import defectlens.wafer.WaferDistillation;
import defectlens.wafer.WaferModel;
import defectlens.wafer.WaferLabelFile;
import defectlens.wafer.WaferModelBundle;
import defectlens.wafer.WaferPickleReader;
import defectlens.wafer.WaferTrainingConfig;
import defectlens.wafer.WaferTrainingJob;
import defectlens.wafer.WaferVariant;
import defectlens.wafer.WaferWidths;
import defectlens.wafer.stacking.TrainingCase;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine;

/**
 * {@code defectlens wafer train}: holds out a stratified test set, trains one of the four wafer CNN variants
 * on a class-balanced sample with the paper's recipe, measures it on the held-out maps (as they are and
 * rotated/flipped) and writes a model bundle. Progress per epoch on stderr; Ctrl-C stops after the current
 * mini-batch and still saves the best weights.
 */
@Command(name = "train", mixinStandardHelpOptions = true,
        description = "Train a wafer CNN (proposed, radon, kernel-flip, baseline) or the BSEML stacking ensemble "
                + "(bseml) on a WM-811K pickle.")
public final class WaferTrainCommand implements Callable<Integer> {
    @Option(names = "--data", required = true, paramLabel = "FILE", description = "WM-811K pickle with labelled maps")
    Path data;

    @Option(names = "--variant", defaultValue = "proposed",
            description = "proposed, radon, kernel-flip, baseline or bseml (the 59 features and the stacking "
                    + "ensemble; default ${DEFAULT-VALUE})")
    String variant;

    @Option(names = "--classes", description = "paper7, all8 or all9 (default paper7 for the CNNs, all9 for bseml)")
    String classes;

    @Option(names = "--train-per-class", paramLabel = "N",
            description = "training maps per class (balanced; small classes give what they have); required for the "
                    + "CNN variants, bseml trains on every training map")
    Integer perClass;

    @Option(names = "--case", paramLabel = "1|2|3|4",
            description = "bseml only: the paper's case, 1 = the raw training maps, 2/3/4 = plus 30/40/50 %% maps "
                    + "made by the CAE augmentation (SSIM >= 0.9, none never augmented); default 1")
    Integer trainingCase;

    @Option(names = "--cae", paramLabel = "DIR",
            description = "bseml cases 2-4: a saved auto-encoder (cae.json) to use; an empty or new folder receives "
                    + "the one trained on the training maps")
    Path cae;

    @Mixin
    AutoEncoderOptions autoEncoder;

    @Option(names = "--seed", defaultValue = "0", description = "seed of validation/training draws, initialisation and shuffling")
    long seed;

    @Option(names = "--out", required = true, paramLabel = "MODEL_DIR", description = "bundle folder to write")
    Path out;

    @Option(names = "--augment-train", defaultValue = "none", paramLabel = "none|dihedral|rotation",
            description = "training-time augmentation: none (the paper's recipe), dihedral (each epoch shows every "
                    + "training map under one of the 8 symmetries of the square, drawn at random) or rotation (each "
                    + "epoch: every map turned by a random angle and mirrored with probability 1/2)")
    String augmentTrain;

    @Option(names = "--time-budget", defaultValue = "0", paramLabel = "MINUTES",
            description = "stop after the epoch at which one more would overrun this wall time (0 = none)")
    double timeBudget;

    @Option(names = "--distil-from", paramLabel = "BUNDLE",
            description = "train a student by distillation: the targets are this wafer bundle's class probabilities "
                    + "averaged over its networks and the 8 turns / flips of each training map, mixed with the hard "
                    + "label (--hard-weight); the network is narrowed to --widths (default: student)")
    Path distilFrom;

    @Option(names = "--hard-weight", defaultValue = "0.5", paramLabel = "W",
            description = "with --distil-from: share of the hard label in the target, 0..1 (default ${DEFAULT-VALUE})")
    double hardWeight;

    @Option(names = "--temperature", defaultValue = "1", paramLabel = "T",
            description = "with --distil-from: softens the teacher's probabilities and the student's soft term "
                    + "(Hinton et al.; the soft term is scaled by T^2), 1 = plain cross-entropy to the mixed target "
                    + "(default ${DEFAULT-VALUE})")
    double temperature;

    @Option(names = "--teacher-average-symmetries", arity = "1", defaultValue = "true", paramLabel = "true|false",
            description = "with --distil-from: the teacher's targets averaged over the 8 turns / flips of each map "
                    + "(true, the default: 16 passes per map for a 2-network teacher) or one pass of the map as "
                    + "it is (false: 8 times cheaper)")
    boolean teacherAverage;

    @Option(names = "--widths", paramLabel = "paper|student|F1,F2,F3,F4/H1,H2",
            description = "filters of the 4 convolution stages / units of the 2 hidden layers (default paper, "
                    + "student = 8,24,48,96/128,64 with --distil-from)")
    String widths;

    @Option(names = "--labels", paramLabel = "CSV",
            description = "corrected labels (review export --format wafer-labels): the columns index and class_after "
                    + "override the labels of the listed rows of --data; an empty class_after keeps the file's label")
    Path labels;

    @Mixin
    JsonOption json;

    @CommandLine.Mixin
    WaferRecipeOptions recipe;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() throws IOException {
        PrintWriter err = spec.commandLine().getErr();
        boolean bseml = BsemlTrainRun.VARIANT.equals(variant);
        WaferClassSet classSet;
        WaferTrainingJob.Settings settings = null;
        TrainingCase bsemlCase = null;
        try {
            classSet = WaferClassSet.parse(classes != null ? classes : bseml ? "all9" : "paper7");
            if (bseml) {
                bsemlCase = requireBsemlOptions();
            } else {
                WaferVariant cnn = WaferVariant.parse(variant);
                if (trainingCase != null || cae != null || autoEncoder.epochs != null) {
                    throw new DefectLensException("--case, --cae and --cae-epochs are for --variant bseml only");
                }
                if (perClass == null) {
                    throw new DefectLensException("--train-per-class is required for the CNN variant " + cnn.id());
                }
                WaferTrainingConfig config = recipe.config().withSeed(seed)
                        .withAugmentation(TrainingAugmentation.parse(augmentTrain));
                settings = new WaferTrainingJob.Settings(cnn, classSet, perClass, recipe.testFraction,
                        recipe.testSeed, recipe.valFraction, config, timeBudget);
                WaferWidths w = WaferWidths.parse(widths != null ? widths : distilFrom != null ? "student" : "paper");
                settings = settings.distilled(w, null);
                for (String option : List.of("--hard-weight", "--temperature", "--teacher-average-symmetries")) {
                    if (distilFrom == null && given(option)) {
                        throw new DefectLensException(option + " is for --distil-from only");
                    }
                }
                if (!(temperature > 0 && temperature <= WaferDistillation.MAX_TEMPERATURE)) {
                    throw new DefectLensException("--temperature must be in (0, " + WaferDistillation.MAX_TEMPERATURE
                            + "]: " + temperature);
                }
                if (!(hardWeight >= 0 && hardWeight <= 1)) {
                    throw new DefectLensException("--hard-weight must be in 0..1: " + hardWeight);
                }
            }
        } catch (IllegalArgumentException e) {
            throw new DefectLensException(e.getMessage());
        }
        WaferDataset dataset = WaferPickleReader.read(data);
        err.println("read " + dataset.size() + " maps from " + data);
        Map<String, Object> facts = WaferTrainingJob.fileFacts(data, dataset.size());
        WaferModel teacher = null;
        if (settings != null && distilFrom != null) {
            teacher = WaferModelBundle.load(distilFrom);
            teacher.setAverageOverSymmetries(teacherAverage);
            try {
                WaferDistillation.checkTeacher(distilFrom, teacher, classSet.classes(), facts, recipe.testFraction,
                        recipe.testSeed);
                settings = settings.distilled(settings.widths(), new WaferDistillation(teacher,
                        WaferDistillation.teacherFacts(distilFrom, teacher), hardWeight, temperature));
            } catch (RuntimeException e) {
                teacher.close();
                throw e;
            }
            err.println("teacher " + distilFrom.getFileName() + ": " + teacher.networkCount() + " networks, "
                    + (teacherAverage ? "averaged over 8 symmetries" : "one pass per map") + "; student widths "
                    + settings.widths());
        }
        try (WaferModel closeTeacher = teacher) {
            return train(dataset, facts, classSet, settings, bsemlCase);
        }
    }

    private Integer train(WaferDataset dataset, Map<String, Object> facts, WaferClassSet classSet,
            WaferTrainingJob.Settings settings, TrainingCase bsemlCase) throws IOException {
        PrintWriter err = spec.commandLine().getErr();
        WaferLabelFile.Relabelled relabelled = null;
        if (labels != null) {
            relabelled = WaferLabelFile.apply(labels, dataset);
            dataset = relabelled.data();
            err.println("labels: " + relabelled.listed() + " rows of " + labels + " set, " + relabelled.changed()
                    + " of them changed");
            Map<String, Object> labelFacts = WaferTrainingJob.fileFacts(labels, relabelled.listed());
            labelFacts.remove("maps");
            labelFacts.put("rows", relabelled.listed());
            labelFacts.put("changed", relabelled.changed());
            facts.put("labels", labelFacts);
        }
        if (bsemlCase != null) {
            return print(BsemlTrainRun.run(dataset, facts, data, classSet, recipe.testFraction, recipe.testSeed, seed,
                    bsemlCase, cae, autoEncoder.training(seed), out, err), 0);
        }
        WaferTrainingJob.Outcome outcome;
        try (InterruptCancellation cancel = new InterruptCancellation()) {
            try (TerminalProgress progress = new TerminalProgress(err, "wafer train", cancel)) {
                outcome = WaferTrainingJob.run(dataset, facts, settings, progress::println,
                        r -> progress.println(epochLine(r)), progress);
            } catch (IllegalArgumentException e) {
                throw new DefectLensException(data, e.getMessage());
            }
            try (var model = outcome.model()) {
                WaferModelBundle.save(model, out);
            }
        }
        Map<String, Object> summary = new LinkedHashMap<>();
        summary.put("model", out.toString());
        summary.put("variant", settings.variant().id());
        summary.put("classes", settings.classes().id());
        if (relabelled != null) {
            summary.put("labels", labels.toString());
            summary.put("labels_set", relabelled.listed());
            summary.put("labels_changed", relabelled.changed());
        }
        summary.put("train", outcome.plan().train().size());
        summary.put("validation", outcome.plan().validation().size());
        summary.put("test", outcome.plan().test().size());
        summary.put("shortfall", outcome.plan().shortfall());
        summary.put("augment_train", settings.training().augmentation().id());
        summary.put("widths", settings.widths().toString());
        if (settings.distillation() != null) {
            summary.put("distilled_from", distilFrom.toString());
            summary.put("hard_weight", hardWeight);
            summary.put("temperature", temperature);
        }
        summary.put("epochs", outcome.result().history().size());
        summary.put("best_epoch", outcome.result().bestEpoch() + 1); // 1-based like the epoch lines
        summary.put("best_validation_loss", outcome.result().bestValidationLoss());
        summary.put("stop", outcome.result().stopReason());
        summary.put("test_accuracy", outcome.test().accuracy());
        summary.put("test_macro_f1", outcome.test().macroF1());
        summary.put("rotflip_accuracy", outcome.rotflip().accuracy());
        summary.put("rotflip_macro_f1", outcome.rotflip().macroF1());
        return print(summary, outcome.result().cancelled() ? 130 : 0);
    }

    private boolean given(String option) {
        return spec.commandLine().getParseResult().hasMatchedOption(option);
    }

    /** The case and options of {@code --variant bseml}: CNN-only options are refused rather than ignored. */
    private TrainingCase requireBsemlOptions() {
        TrainingCase c = BsemlTrainRun.requireCase(trainingCase == null ? 1 : trainingCase);
        if (distilFrom != null || widths != null) {
            throw new DefectLensException("--distil-from and --widths are for the CNN variants");
        }
        if (perClass != null) {
            throw new DefectLensException("--train-per-class is for the CNN variants; bseml trains on every "
                    + "training map");
        }
        if (!c.augmented() && (cae != null || autoEncoder.epochs != null)) {
            throw new DefectLensException("--cae and --cae-epochs are for the augmented cases 2, 3 and 4");
        }
        AutoEncoderOptions.checkFolder(cae);
        return c;
    }

    private int print(Map<String, Object> summary, int exit) {
        PrintWriter o = spec.commandLine().getOut();
        if (json.on()) {
            o.println(Json.write(summary));
        } else {
            summary.forEach((k, v) -> o.println(k + ": " + v));
        }
        o.flush();
        return exit;
    }

    private static String epochLine(EpochReport r) {
        return String.format(Locale.ROOT, "epoch %3d  train loss %.4f  val loss %.4f  val acc %.4f  lr %.2e%s",
                r.epoch(), r.trainLoss(), r.validationLoss(), r.validationAccuracy(), r.learningRate(),
                r.best() ? "  *" : "  (" + r.epochsWithoutImprovement() + " without improvement)");
    }
}
