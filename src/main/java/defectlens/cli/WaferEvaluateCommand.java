package defectlens.cli;

import defectlens.DefectLensException;
import defectlens.wafer.AugmentedTestSet;
import defectlens.wafer.WaferClassSet;
import defectlens.wafer.WaferDataset;
import defectlens.wafer.WaferEvaluation;
import defectlens.wafer.WaferMetrics;
import defectlens.wafer.WaferModel;
import defectlens.wafer.WaferModelBundle;
import defectlens.wafer.WaferPickleReader;
import defectlens.wafer.WaferTrainingJob;
import defectlens.wafer.WaferTrainingPlan;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code defectlens wafer evaluate}: accuracy, macro F1, per-class precision / recall / F1 and the confusion
 * matrix of a wafer model bundle on the labelled maps of a pickle whose label is one of the model's classes
 * (the others and unlabelled maps are counted as {@code skipped}), optionally on their rotated / flipped
 * copies only. {@code --heldout} restricts the maps to the test set the model's {@code wafer train} held out
 * (re-created from the class set, fraction and seed in its provenance; the data file must be the same).
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

    @Option(names = "--json", description = "Print one JSON document on stdout.")
    boolean json;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Option(names = "--average-symmetries", arity = "0..1", fallbackValue = "true", paramLabel = "true|false",
            description = "average each map's class probabilities over its 8 rotations/reflections (true, the "
                    + "default when the option is given without a value) or take a single pass (false), whatever "
                    + "the bundle says; without the option, the bundle's model.json setting")
    Boolean averageSymmetries;

    @Override
    public Integer call() throws IOException {
        AugmentedTestSet augmentation;
        try {
            augmentation = AugmentedTestSet.parse(augment);
        } catch (IllegalArgumentException e) {
            throw new DefectLensException(e.getMessage());
        }
        PrintWriter err = spec.commandLine().getErr();
        try (WaferModel model = WaferModelBundle.load(modelDir)) {
            if (averageSymmetries != null) {
                model.setAverageOverSymmetries(averageSymmetries);
            }
            WaferDataset dataset = WaferPickleReader.read(data);
            List<Integer> candidates = heldout ? heldOutRows(model, dataset) : WaferEvaluation.allRows(dataset);
            WaferEvaluation.Selection selection = WaferEvaluation.select(dataset, candidates, model.classes());
            err.println("evaluating " + selection.rows().size() + " maps x " + augmentation.copiesPerMap() + " ("
                    + augmentation.id() + "), skipped " + selection.skipped());
            WaferMetrics metrics = WaferEvaluation.measure(model,
                    WaferTrainingPlan.labelled(dataset, selection.rows(), model.classes()), augmentation);
            Map<String, Object> doc = metrics.toJson();
            doc.put("skipped", selection.skipped());
            doc.put("average_over_symmetries", model.averageOverSymmetries());
            PrintWriter out = spec.commandLine().getOut();
            if (json) {
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

    /** The rows {@code wafer train} held out, re-created from the model's provenance. */
    private List<Integer> heldOutRows(WaferModel model, WaferDataset dataset) throws IOException {
        Map<String, Object> p = model.provenance();
        Object classSet = p.get("classSet");
        if (!(p.get("split") instanceof Map<?, ?> split) || classSet == null
                || !(split.get("testFraction") instanceof Number fraction)
                || !(split.get("testSeed") instanceof Number seed)) {
            throw new DefectLensException(modelDir, "--heldout needs a model trained by 'wafer train' (no held-out split in model.json)");
        }
        if (p.get("data") instanceof Map<?, ?> facts && facts.get("sha256") instanceof String expected
                && !expected.equals(WaferTrainingJob.fileFacts(data, dataset.size()).get("sha256"))) {
            throw new DefectLensException(data, "--heldout: not the file the model was trained on (SHA-256 differs from "
                    + facts.get("file") + " in model.json)");
        }
        return WaferTrainingPlan.heldOut(dataset, WaferClassSet.parse(classSet.toString()), fraction.doubleValue(),
                seed.longValue());
    }
}
