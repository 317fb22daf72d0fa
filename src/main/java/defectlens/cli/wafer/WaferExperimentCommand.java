package defectlens.cli.wafer;

import defectlens.cli.InterruptCancellation;
import defectlens.cli.TerminalProgress;
import defectlens.core.DefectLensException;
import defectlens.wafer.AblationPlot;
import defectlens.wafer.AblationResults;
import defectlens.wafer.WaferAblation;
import defectlens.wafer.WaferClassSet;
import defectlens.wafer.WaferDataset;
import defectlens.wafer.WaferPickleReader;
import defectlens.wafer.WaferTrainingJob;
import defectlens.wafer.WaferVariant;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine;

/**
 * {@code defectlens wafer experiment}: the paper's ablation (four variants x train sizes x seeds) on one data
 * file, written to {@code DIR/results.csv} (one row per run, appended as runs finish; runs already there are
 * skipped) and {@code DIR/results.md} (mean +- sd over seeds on the held-out maps and their rotated/flipped
 * copies, and the train sizes the data could not fill).
 */
@Command(name = "experiment", mixinStandardHelpOptions = true,
        description = "Run the wafer CNN ablation (variants x balanced train sizes x seeds); resumable.")
public final class WaferExperimentCommand implements Callable<Integer> {
    @Option(names = "--data", required = true, paramLabel = "FILE", description = "WM-811K pickle with labelled maps")
    Path data;

    @Option(names = "--method", defaultValue = "cnn", description = "cnn (the CNN ablation) or bseml (the feature-based "
            + "models of the stacking-ensemble paper; docs/experiments/bseml.md) (default ${DEFAULT-VALUE})")
    String method;

    @Option(names = "--cases", split = ",", defaultValue = "1,2,3,4", paramLabel = "N,N,...",
            description = "bseml: the paper's cases, 1 = raw training maps, 2/3/4 = plus 30/40/50 %% CAE-augmented "
                    + "maps (default ${DEFAULT-VALUE})")
    List<Integer> cases;

    @CommandLine.Mixin
    AutoEncoderOptions autoEncoder;

    @Option(names = "--train-sizes", split = ",", paramLabel = "N,N,...",
            description = "balanced train sizes per class (cnn; required there)")
    List<Integer> trainSizes;

    @Option(names = "--seeds", defaultValue = "3", description = "seeds per size and variant: 0..K-1 (default ${DEFAULT-VALUE})")
    int seeds;

    @Option(names = "--variants", split = ",", defaultValue = "baseline,radon,kernel-flip,proposed",
            description = "variants (default ${DEFAULT-VALUE})")
    List<String> variants;

    @Option(names = "--classes", defaultValue = "paper7", description = "paper7, all8 or all9 (default ${DEFAULT-VALUE})")
    String classes;

    @Option(names = "--out", required = true, paramLabel = "DIR", description = "folder for results.csv and results.md")
    Path out;

    @CommandLine.Mixin
    WaferRecipeOptions recipe;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() throws IOException {
        PrintWriter err = spec.commandLine().getErr();
        if ("bseml".equals(method)) {
            return BsemlExperimentRun.run(data, out, recipe.testSeed, cases, autoEncoder.training(
                    BsemlExperimentRun.SEED), spec);
        }
        if (!"cnn".equals(method) || trainSizes == null) {
            throw new DefectLensException(data, "--method must be cnn or bseml, and cnn needs --train-sizes");
        }
        WaferAblation.Plan plan;
        try {
            List<WaferVariant> vs = new ArrayList<>();
            variants.forEach(v -> vs.add(WaferVariant.parse(v)));
            plan = new WaferAblation.Plan(vs, trainSizes, seeds, WaferClassSet.parse(classes), recipe.testFraction,
                    recipe.testSeed, recipe.valFraction, recipe.config());
        } catch (IllegalArgumentException e) {
            throw new DefectLensException(e.getMessage());
        }
        Files.createDirectories(out);
        AblationResults results = AblationResults.open(out.resolve("results.csv"));
        WaferDataset dataset = WaferPickleReader.read(data);
        int trained;
        try (InterruptCancellation cancel = new InterruptCancellation();
                TerminalProgress progress = new TerminalProgress(err, "wafer experiment", cancel)) {
            trained = WaferAblation.run(dataset, WaferTrainingJob.fileFacts(data, dataset.size()), plan, results,
                    progress::println, progress);
            Files.writeString(out.resolve("results.md"), results.markdown());
            if (!results.rows().isEmpty()) {
                AblationPlot.write(results.summary(), out.resolve("accuracy.png"));
            }
        }
        PrintWriter o = spec.commandLine().getOut();
        o.println("trained " + trained + " runs; " + results.rows().size() + " rows in " + out.resolve("results.csv")
                + ", table in results.md, plot in accuracy.png");
        o.print(results.markdown());
        o.flush();
        return 0;
    }
}
