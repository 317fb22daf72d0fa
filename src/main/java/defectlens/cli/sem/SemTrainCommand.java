package defectlens.cli.sem;

import defectlens.cli.InterruptCancellation;
import defectlens.cli.Json;
import defectlens.cli.JsonOption;
import defectlens.cli.TerminalProgress;
import defectlens.core.DefectLensException;
import defectlens.core.ProductVersion;
import defectlens.dataset.DatasetOpener;
import defectlens.dataset.SemDataset;
import defectlens.model.BalanceMode;
import defectlens.model.CropTraining;
import defectlens.model.EfficientNetV2Config;
import defectlens.model.EpochReport;
import defectlens.model.SemTrainer;
import defectlens.model.TrainingListener;
import defectlens.model.TrainingOptions;
import defectlens.model.TrainingResult;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine;

/**
 * {@code sem train}: trains an EfficientNetV2 on a labelled SEM data set and writes the best
 * checkpoint (by validation macro F1) as a model bundle. Progress lines go to stderr; Ctrl-C stops
 * after the current batch and keeps the best checkpoint.
 */
@Command(
        name = "train",
        mixinStandardHelpOptions = true,
        description = "Trains an EfficientNetV2 on SEM images; writes the best checkpoint as a model bundle to --out.")
public final class SemTrainCommand implements Callable<Integer> {
    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Option(names = "--data", required = true, description = "Data set folder (Carinthia, Carinthia-S or class folders).")
    Path data;

    @Option(names = "--model", defaultValue = EfficientNetV2Config.TINY,
            description = "efficientnetv2-s, -m, -l, -tiny or -tiny-os16 (-tiny with output stride 16) (default: ${DEFAULT-VALUE}).")
    String model;

    @Option(names = "--init", description = "Bundle whose feature weights start training (transfer learning).")
    Path init;

    @Option(names = "--balance", defaultValue = "oversample",
            description = "oversample, undersample, weighted or none (default: ${DEFAULT-VALUE}).")
    String balance;

    @Option(names = "--epochs", defaultValue = "20", description = "Maximum epochs (default: ${DEFAULT-VALUE}).")
    int epochs;

    @Option(names = "--seed", defaultValue = "1", description = "Seed of split, sampling, augmentation, init (default: ${DEFAULT-VALUE}).")
    long seed;

    @Option(names = "--out", required = true, description = "Bundle folder to write.")
    Path out;

    @Option(names = "--val-fraction", defaultValue = "0.2", description = "Validation share per class (default: ${DEFAULT-VALUE}).")
    double valFraction;

    @Option(names = "--patience", defaultValue = "5",
            description = "Epochs without better macro F1 before stopping; 0 = never (default: ${DEFAULT-VALUE}).")
    int patience;

    @Option(names = "--batch", defaultValue = "16", description = "Batch size (default: ${DEFAULT-VALUE}).")
    int batch;

    @Option(names = "--lr", defaultValue = "0.001", description = "Adam learning rate (default: ${DEFAULT-VALUE}).")
    float lr;

    @Option(names = "--lr-decay", defaultValue = "1", paramLabel = "FACTOR",
            description = "Learning rate times this after every epoch, in (0, 1] (default: ${DEFAULT-VALUE} = fixed).")
    float lrDecay;

    @Option(names = "--input-size", defaultValue = "0", description = "Square input size; 0 = the architecture's default.")
    int inputSize;

    @Option(names = "--channels", defaultValue = "1",
            description = "1 = gray stem, 3 = gray replicated with ImageNet normalisation (default: ${DEFAULT-VALUE}).")
    int channels;

    @Option(names = "--no-augment", description = "Train without augmentation.")
    boolean noAugment;

    @Option(names = "--crop", defaultValue = "0", description = {"Train on native-resolution crops of this many "
            + "pixels (around the defect mask for defect classes, anywhere for no_defect) for a sliding-window "
            + "classifier; 0 = whole images resized to --input-size (default: ${DEFAULT-VALUE})."})
    int crop;

    @Option(names = "--stride", defaultValue = "0",
            description = "Sliding-window stride in pixels with --crop; 0 = half the crop (default: ${DEFAULT-VALUE}).")
    int stride;

    @Option(names = "--frame", defaultValue = "0", description = "Frame side the windows slide over with --crop; "
            + "0 = the side of the data's first image (default: ${DEFAULT-VALUE}).")
    int frame;

    @Option(names = "--background-share", defaultValue = "0.2", description = "With --crop, share of defect-image "
            + "crops taken clear of the defect and labelled no_defect (default: ${DEFAULT-VALUE}).")
    double backgroundShare;

    @Option(names = "--resume", description = "Continue from the last finished epoch kept in --out/checkpoint "
            + "(a stopped run; Adam's moments start afresh).")
    boolean resume;

    @Option(names = "--evidence-weight", defaultValue = "0", paramLabel = "WEIGHT", description = {"With --crop: add "
            + "WEIGHT times the share of the labelled class's positive class activation map outside the defect's "
            + "mask box (crops holding their image's defect) to the loss, so the model finds its evidence on the "
            + "defect (0 = off, default: ${DEFAULT-VALUE}); see docs/sem-models.md."})
    float evidenceWeight;

    @Option(names = "--name", description = "Model name in model.json (default: the --out folder name).")
    String name;

    @Mixin
    JsonOption json;

    @Override
    public Integer call() {
        if (epochs < 1 || batch < 1 || !(lr > 0) || !(lrDecay > 0 && lrDecay <= 1) || valFraction < 0
                || valFraction >= 1 || patience < 0 || (channels != 1 && channels != 3) || inputSize < 0) {
            throw new DefectLensException(out, "check --epochs (>= 1), --batch (>= 1), --lr (> 0), --lr-decay "
                    + "((0, 1]), --val-fraction ([0, 1)), --patience (>= 0), --channels (1 or 3), --input-size (>= 0)");
        }
        if (crop != 0 && (crop < 32 || stride < 0 || stride > crop || frame < 0 || (frame > 0 && frame < crop)
                || !(backgroundShare >= 0 && backgroundShare < 1) || inputSize != 0)) {
            throw new DefectLensException(out, "check --crop (>= 32; not with --input-size), --stride (0..crop), "
                    + "--frame (0 or >= crop), --background-share ([0, 1))");
        }
        if (!(evidenceWeight >= 0 && Float.isFinite(evidenceWeight)) || (evidenceWeight > 0 && crop == 0)) {
            throw new DefectLensException(out, "--evidence-weight needs a finite value >= 0, and --crop when above 0 "
                    + "(the defect's box is placed in each crop)");
        }
        EfficientNetV2Config.named(model);
        SemDataset dataset = DatasetOpener.open(data);
        String bundleName = name != null ? name : String.valueOf(out.toAbsolutePath().normalize().getFileName());
        TrainingOptions options = new TrainingOptions(EfficientNetV2Config.named(model).name(), BalanceMode.parse(balance),
                epochs, seed, valFraction, patience, batch, lr, inputSize, channels, init, !noAugment, bundleName,
                ProductVersion.version()).withLearningRateDecay(lrDecay);
        if (crop > 0 || resume) {
            options = options.withCrops(crop == 0 ? null : new CropTraining(crop, stride == 0 ? crop / 2 : stride,
                    frame, backgroundShare, CropTraining.NO_DEFECT), resume);
        }
        if (evidenceWeight > 0) {
            options = options.withEvidenceWeight(evidenceWeight);
        }
        PrintWriter err = spec.commandLine().getErr();
        try (InterruptCancellation cancel = new InterruptCancellation()) {
            TrainingResult result;
            try (TerminalProgress progress = new TerminalProgress(err, "sem train", cancel)) {
                result = new SemTrainer(options).train(dataset, out, new TrainingListener() {
                    @Override
                    public void onEpoch(EpochReport r) {
                        progress.println(String.format(Locale.ROOT, "sem train: epoch %d/%d loss %.4f val_loss %.4f "
                                + "val_acc %.3f macro_f1 %.3f%s (%.1f s)", r.epoch(), r.epochs(), r.trainLoss(),
                                r.validationLoss(), r.validationAccuracy(), r.validationMacroF1(),
                                r.best() ? " *best" : "", r.seconds()));
                    }

                    @Override
                    public void onDivergence(int epoch, float learningRate, boolean retrying) {
                        progress.println(String.format(Locale.ROOT, retrying
                                ? "sem train: epoch %d diverged (non-finite loss or weights); back to the last good "
                                        + "epoch, learning rate now %.2e"
                                : "sem train: epoch %d diverged again at learning rate %.2e; stopping, the best "
                                        + "checkpoint stays", epoch, learningRate));
                    }
                }, progress);
            }
            PrintWriter stdout = spec.commandLine().getOut();
            if (json.on()) {
                Map<String, Object> root = new LinkedHashMap<>();
                root.put("bundle", out.toAbsolutePath().normalize().toString());
                root.put("best_epoch", result.bestEpoch());
                root.put("epochs_run", result.history().size());
                root.put("stopped_early", result.stoppedEarly());
                root.put("cancelled", result.cancelled());
                root.put("divergence_recoveries", result.recoveries());
                root.put("diverged", result.diverged());
                if (result.bestValidation() != null) {
                    root.put("validation", result.bestValidation().toMap());
                }
                stdout.println(Json.write(root));
            } else {
                stdout.printf(Locale.ROOT, "best epoch %d (validation macro F1 %.3f), bundle in %s%n",
                        result.bestEpoch(), result.bestValidation() == null ? 0.0 : result.bestValidation().macroF1(),
                        out);
            }
            stdout.flush();
            return result.cancelled() ? 130 : 0;
        }
    }
}
