package defectlens.cli.review;

import defectlens.cli.InterruptCancellation;
import defectlens.cli.Json;
import defectlens.cli.JsonOption;
import defectlens.cli.TerminalProgress;
import defectlens.core.DefectLensException;
import defectlens.core.OutputFile;
import defectlens.image.ArgbImageWriter;
import defectlens.review.ModelFingerprint;
import defectlens.review.novelty.DriftChart;
import defectlens.review.novelty.NoveltyDrift;
import defectlens.review.novelty.NoveltyStore;
import defectlens.review.novelty.WaferNovelty;
import defectlens.wafer.WaferDataset;
import defectlens.wafer.WaferModel;
import defectlens.wafer.WaferModelBundle;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code review drift --model M --data D --png F --csv F}: how the maps of D compare with the model's training
 * data - the histogram of their novelty scores against the held-out scores of the model's classes, and the shares
 * of the predicted classes against the training shares - as a picture and a table.
 */
@Command(name = "drift", mixinStandardHelpOptions = true,
        description = "Drift of a wafer file against a model's training data: novelty histogram and class shares.")
final class ReviewDriftCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;
    @Option(names = "--model", required = true, paramLabel = "MODEL_DIR", description = "wafer model bundle with a "
            + "novelty fit")
    Path modelDir;
    @Option(names = "--data", required = true, paramLabel = "FILE", description = "WM-811K pickle")
    Path data;
    @Option(names = "--png", paramLabel = "FILE", description = "write the chart here (PNG)")
    Path png;
    @Option(names = "--csv", paramLabel = "FILE", description = "write the histogram and class shares here (CSV)")
    Path csv;
    @Option(names = "--force", description = "overwrite existing output files")
    boolean force;
    @Mixin
    JsonOption json;

    @Override
    public Integer call() {
        if (!Files.isRegularFile(data)) {
            throw new DefectLensException(data, "no such wafer file");
        }
        if (png != null) {
            OutputFile.checkTarget(png, force);
        }
        if (csv != null) {
            OutputFile.checkTarget(csv, force);
        }
        PrintWriter err = spec.commandLine().getErr();
        NoveltyDrift d;
        try (WaferModel model = WaferModelBundle.load(modelDir);
                InterruptCancellation cancel = new InterruptCancellation();
                TerminalProgress progress = new TerminalProgress(err, "review drift", cancel)) {
            NoveltyStore.Stored fit = NoveltyStore.load(modelDir, ModelFingerprint.of(modelDir)).orElseThrow(() ->
                    new DefectLensException(modelDir, "the model bundle has no novelty fit for its weights, so there "
                            + "is nothing to compare with: run 'review novelty --fit' first"));
            Path fitFile = modelDir.resolve(NoveltyStore.FOLDER).resolve(NoveltyStore.INFO);
            if (fit.info().reference() == null) {
                throw new DefectLensException(fitFile, "the novelty fit keeps no reference scores to compare with: "
                        + "run 'review novelty --heldout --keep-reference --model M --data <its training file>' once");
            }
            WaferDataset maps = ReviewData.wafer(data, progress);
            d = WaferNovelty.drift(model, maps, fit, fitFile, progress);
        }
        if (csv != null) {
            OutputFile.writeString(csv, force, d.csv());
        }
        if (png != null) {
            ArgbImageWriter.write(DriftChart.draw(d, "Drift of " + data.getFileName() + " against "
                    + modelDir.toAbsolutePath().normalize().getFileName()), png, 0xFFFFFF);
        }
        Map<String, Object> doc = new LinkedHashMap<>();
        doc.put("data", data.toString());
        doc.put("model", modelDir.toString());
        doc.put("score", d.score().cliName());
        doc.put("threshold", d.threshold());
        doc.put("maps", d.dataItems());
        doc.put("above_threshold", d.dataAbove());
        doc.put("reference_above_threshold", d.referenceAbove());
        Map<String, Object> classes = new LinkedHashMap<>();
        for (int c = 0; c < d.classes().size(); c++) {
            classes.put(d.classes().get(c), Map.of("predicted", d.predictedShares()[c], "training",
                    d.trainingShares()[c]));
        }
        doc.put("classes", classes);
        PrintWriter out = spec.commandLine().getOut();
        if (json.on()) {
            out.println(Json.write(doc));
        } else {
            out.println(String.format(Locale.ROOT, "%d maps: %.1f %% above the novelty threshold (%s %.2f), held-out "
                    + "known maps %.1f %%", d.dataItems(), 100 * d.dataAbove(), d.score(), d.threshold(),
                    100 * d.referenceAbove()));
            for (int c = 0; c < d.classes().size(); c++) {
                out.println(String.format(Locale.ROOT, "  %-10s predicted %5.1f %%  training %5.1f %%",
                        d.classes().get(c), 100 * d.predictedShares()[c], 100 * d.trainingShares()[c]));
            }
        }
        return 0;
    }
}
