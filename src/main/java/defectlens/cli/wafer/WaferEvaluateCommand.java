package defectlens.cli.wafer;

import defectlens.cli.Json;
import defectlens.cli.JsonOption;
import defectlens.core.DefectLensException;
import defectlens.wafer.AugmentedTestSet;
import defectlens.wafer.HeldOutMaps;
import defectlens.wafer.WaferDataset;
import defectlens.wafer.WaferEvaluation;
import defectlens.wafer.WaferMetrics;
import defectlens.wafer.WaferModel;
import defectlens.wafer.WaferModelBundle;
import defectlens.wafer.stacking.BsemlModel;
import defectlens.wafer.WaferTrainingPlan;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine;

/**
 * {@code defectlens wafer evaluate}: accuracy, macro F1, per-class precision / recall / F1 and the confusion
 * matrix of a wafer model bundle on the labelled maps of a pickle whose label is one of the model's classes
 * (the others and unlabelled maps are counted as {@code skipped}), optionally on their rotated / flipped
 * copies only. {@code --heldout} restricts the maps to the test set the model's {@code wafer train} held out
 * (see {@link HeldOutMaps}).
 */
@Command(name = "evaluate", mixinStandardHelpOptions = true,
        description = "Measure a wafer model bundle on the labelled maps of a WM-811K pickle.")
public final class WaferEvaluateCommand implements Callable<Integer> {
    @Option(names = "--model", required = true, paramLabel = "MODEL_DIR", description = "wafer model bundle folder")
    Path modelDir;

    @Option(names = "--data", required = true, paramLabel = "FILE", description = "WM-811K pickle")
    Path data;

    @Option(names = "--augment", defaultValue = "none",
            description = "none, rot (90/180/270), flip (horizontal, vertical) or rotflip (all seven); originals excluded (default ${DEFAULT-VALUE})")
    String augment;

    @Option(names = "--heldout", description = "Only the test maps the model's training held out of this file.")
    boolean heldout;

    @Mixin
    JsonOption json;

    @CommandLine.Mixin
    InvalidRowsOption invalidRows;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @CommandLine.Mixin
    SymmetryAveragingOption averaging;

    @Override
    public Integer call() throws IOException {
        AugmentedTestSet augmentation;
        try {
            augmentation = AugmentedTestSet.parse(augment);
        } catch (IllegalArgumentException e) {
            throw new DefectLensException(e.getMessage());
        }
        PrintWriter err = spec.commandLine().getErr();
        if (BsemlModel.isBundle(modelDir)) {
            return evaluateBseml(augmentation, err);
        }
        try (WaferModel model = WaferModelBundle.load(modelDir)) {
            averaging.applyTo(model);
            WaferDataset dataset = invalidRows.read(data, err);
            List<Integer> candidates = heldout ? HeldOutMaps.rows(model, modelDir, dataset, data) : WaferEvaluation.allRows(dataset);
            WaferEvaluation.Selection selection = WaferEvaluation.select(dataset, candidates, model.classes());
            err.println("evaluating " + selection.rows().size() + " maps x " + augmentation.copiesPerMap() + " ("
                    + augmentation.id() + "), skipped " + selection.skipped());
            WaferMetrics metrics = WaferEvaluation.measure(model,
                    WaferTrainingPlan.labelled(dataset, selection.rows(), model.classes()), augmentation);
            Map<String, Object> doc = metrics.toJson();
            doc.put("skipped", selection.skipped());
            doc.put("average_over_symmetries", model.averageOverSymmetries());
            invalidRows.addTo(doc, dataset);
            PrintWriter out = spec.commandLine().getOut();
            if (json.on()) {
                out.println(Json.write(doc));
            } else {
                out.println(String.format(Locale.ROOT, "n %d  accuracy %.4f  macro F1 %.4f  skipped %d",
                        metrics.count(), metrics.accuracy(), metrics.macroF1(), selection.skipped()));
                for (int c = 0; c < metrics.classes().size(); c++) {
                    out.println(String.format(Locale.ROOT, "  %-10s precision %.4f  recall %.4f  f1 %.4f  support %d",
                            metrics.classes().get(c), metrics.precision(c), metrics.recall(c), metrics.f1(c),
                            metrics.support(c)));
                }
            }
            out.flush();
        }
        return 0;
    }

    /** The same evaluation for a BSEML bundle (original maps only). */
    private int evaluateBseml(AugmentedTestSet augmentation, PrintWriter err) throws IOException {
        if (augmentation.copiesPerMap() != 1 || !"none".equals(augmentation.id())) {
            throw new DefectLensException(modelDir, "--augment applies to the CNN bundles only, not to BSEML");
        }
        BsemlModel model = BsemlModel.load(modelDir);
        WaferDataset dataset = invalidRows.read(data, err);
        List<Integer> candidates = heldout ? BsemlCommands.heldOut(model, modelDir, dataset, data)
                : WaferEvaluation.allRows(dataset);
        WaferMetrics metrics = BsemlCommands.evaluate(model, dataset, candidates, err);
        Map<String, Object> doc = metrics.toJson();
        doc.put("microF1", metrics.accuracy());
        invalidRows.addTo(doc, dataset);
        PrintWriter out = spec.commandLine().getOut();
        out.println(json.on() ? Json.write(doc) : BsemlCommands.summary(metrics));
        out.flush();
        return 0;
    }
}
