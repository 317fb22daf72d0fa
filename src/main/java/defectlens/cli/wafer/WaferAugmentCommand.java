package defectlens.cli.wafer;

import defectlens.cli.InterruptCancellation;
import defectlens.cli.Json;
import defectlens.cli.JsonOption;
import defectlens.cli.TerminalProgress;
import defectlens.core.DefectLensException;
import defectlens.core.OutputFile;
import defectlens.wafer.WaferDataset;
import defectlens.wafer.WaferMap;
import defectlens.wafer.WaferPickleWriter;
import defectlens.wafer.augment.CaeAugmentation;
import defectlens.wafer.augment.ConvAutoEncoder;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * {@code defectlens wafer augment}: the CAE augmentation of the stacking-ensemble paper on a wafer pickle
 * ({@link CaeAugmentation}). Writes a pickle in the Kaggle layout with every map of {@code --data} followed by the
 * kept generated maps (split {@code Training}, lot {@code cae-augmented}, wafer index = the source's row among the
 * labelled maps), which every wafer command reads, and prints the kept / rejected counts per class. Augment a file
 * of training maps only: a command that splits the written file again could put generated maps into its test part.
 */
@Command(name = "augment", mixinStandardHelpOptions = true,
        description = "Add maps made by the convolutional auto-encoder (SSIM filter) to a wafer pickle.")
public final class WaferAugmentCommand implements Callable<Integer> {
    @Option(names = "--data", required = true, paramLabel = "FILE", description = "WM-811K pickle with labelled maps")
    Path data;

    @Option(names = "--ratio", required = true, paramLabel = "R",
            description = "generated maps per labelled map of every class but none, e.g. 0.3 (above 0, at most 10)")
    double ratio;

    @Option(names = "--out", required = true, paramLabel = "FILE.pkl", description = "the pickle to write")
    Path out;

    @Option(names = "--model", paramLabel = "CAE-DIR",
            description = "a saved auto-encoder (cae.json) to use; an empty or new folder receives the one trained "
                    + "here on the labelled maps of --data (without --model it is trained and not kept)")
    Path model;

    @Option(names = "--seed", defaultValue = "21", description = "seed of the auto-encoder training, the order of "
            + "the sources and the latent noise (default ${DEFAULT-VALUE})")
    long seed;

    @Option(names = "--min-ssim", defaultValue = "0.9",
            description = "SSIM with its source a generated map needs to be kept (default ${DEFAULT-VALUE})")
    double minSsim;

    @Option(names = "--force", description = "Replace the --out file if it exists.")
    boolean force;

    @Mixin
    AutoEncoderOptions autoEncoder;

    @Mixin
    JsonOption json;

    @Mixin
    InvalidRowsOption invalidRows;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() {
        if (!(ratio > 0 && ratio <= 10)) {
            throw new DefectLensException(data, "--ratio must be above 0 and at most 10, not " + ratio);
        }
        if (!(minSsim >= -1 && minSsim <= 1)) {
            throw new DefectLensException(data, "--min-ssim must be from -1 to 1, not " + minSsim);
        }
        var settings = autoEncoder.training(seed);
        OutputFile.checkTarget(out, force);
        AutoEncoderOptions.checkFolder(model);
        PrintWriter err = spec.commandLine().getErr();
        WaferDataset dataset = invalidRows.read(data, err);
        List<WaferMap> labelled = AutoEncoderOptions.labelled(dataset);
        if (labelled.isEmpty()) {
            throw new DefectLensException(data, "has no labelled map to augment");
        }
        CaeAugmentation.Result result;
        try (InterruptCancellation cancel = new InterruptCancellation();
                TerminalProgress progress = new TerminalProgress(err, "wafer augment", cancel);
                ConvAutoEncoder cae = AutoEncoderOptions.obtain(model, settings, labelled, progress::println,
                        progress.range(0, 0.7))) {
            result = CaeAugmentation.run(cae, labelled, ratio, minSsim, seed, progress.range(0.7, 1));
        }
        List<WaferMap> all = new ArrayList<>(dataset.maps());
        all.addAll(result.maps());
        try (OutputFile.Pending pending = OutputFile.begin(out, force)) {
            WaferPickleWriter.write(all, pending.stream());
            pending.commit();
        } catch (IOException e) {
            throw OutputFile.problem(out, e);
        }
        PrintWriter stdout = spec.commandLine().getOut();
        if (json.on()) {
            Map<String, Object> summary = new LinkedHashMap<>();
            summary.put("data", data.toString());
            summary.put("out", out.toString());
            summary.put("maps", dataset.size());
            summary.put("written", all.size());
            summary.put("augmentation", result.report().toJson());
            invalidRows.addTo(summary, dataset);
            stdout.println(Json.write(summary));
        } else {
            stdout.println(result.report().table());
            stdout.println(all.size() + " maps (" + dataset.size() + " read, " + result.maps().size()
                    + " generated) written to " + out);
        }
        stdout.flush();
        return 0;
    }
}
