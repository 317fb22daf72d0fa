package defectlens.cli.wafer;

import defectlens.cli.InterruptCancellation;
import defectlens.cli.TerminalProgress;
import defectlens.core.DefectLensException;
import defectlens.wafer.WaferClassSet;
import defectlens.wafer.WaferDataset;
import defectlens.wafer.stacking.BsemlModel;
import defectlens.wafer.stacking.BsemlTraining;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * {@code wafer train --variant bseml}: case 1 of the stacking-ensemble paper through {@link BsemlTraining}, the
 * code of {@code wafer experiment --method bseml}, written as a BSEML bundle. Cases 2 to 4 add maps made by the
 * convolutional auto-encoder, which DefectLens does not have yet, so they are refused.
 */
final class BsemlTrainRun {
    /** The variant name on the command line. */
    static final String VARIANT = "bseml";

    private BsemlTrainRun() {
    }

    /** Refuses the cases that need CAE augmentation. */
    static void requireCase(int trainingCase) {
        if (trainingCase == 2 || trainingCase == 3 || trainingCase == 4) {
            throw new DefectLensException("--case " + trainingCase + " needs maps from the CAE augmentation (30/40/50 %"
                    + " more training maps), which DefectLens does not have yet; only --case 1 (the raw training maps)"
                    + " can be trained");
        }
        if (trainingCase != 1) {
            throw new DefectLensException("--case must be 1, 2, 3 or 4, not " + trainingCase);
        }
    }

    /** Trains, saves the bundle into {@code out} and returns the summary lines. */
    static Map<String, Object> run(WaferDataset dataset, Map<String, Object> facts, Path data, WaferClassSet set,
            double testFraction, long testSeed, long seed, Path out, PrintWriter err) throws IOException {
        BsemlTraining fit;
        try (InterruptCancellation cancel = new InterruptCancellation();
                TerminalProgress progress = new TerminalProgress(err, "wafer train bseml", cancel)) {
            fit = BsemlTraining.fit(dataset, set, testFraction, testSeed, seed, progress::println, progress);
        } catch (IllegalArgumentException e) {
            throw new DefectLensException(data, e.getMessage());
        }
        BsemlModel model = fit.model(facts, 1);
        model.save(out);
        Map<String, Object> summary = new LinkedHashMap<>();
        summary.put("model", out.toString());
        summary.put("variant", VARIANT);
        summary.put("case", 1);
        summary.put("classes", set.id());
        summary.put("train", fit.train().size());
        summary.put("test", fit.testY().length);
        Map<?, ?> test = (Map<?, ?>) model.provenance().get("heldOutTest");
        summary.put("test_accuracy", test.get("microF1"));
        summary.put("test_macro_f1", test.get("macroF1"));
        summary.put("seconds", fit.seconds());
        return summary;
    }
}
