package defectlens.cli.wafer;

import defectlens.cli.InterruptCancellation;
import defectlens.cli.TerminalProgress;
import defectlens.core.DefectLensException;
import defectlens.wafer.WaferClassSet;
import defectlens.wafer.WaferDataset;
import defectlens.wafer.augment.AutoEncoderTraining;
import defectlens.wafer.augment.ConvAutoEncoder;
import defectlens.wafer.stacking.BsemlModel;
import defectlens.wafer.stacking.BsemlTraining;
import defectlens.wafer.stacking.TrainingCase;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * {@code wafer train --variant bseml}: one case of the stacking-ensemble paper through {@link BsemlTraining}, the
 * code of {@code wafer experiment --method bseml}, written as a BSEML bundle. Cases 2 to 4 add CAE-augmented
 * training maps; the auto-encoder comes from {@code --cae DIR} when that folder holds one, else it is trained on the
 * training part (and saved into {@code --cae DIR} when given).
 */
final class BsemlTrainRun {
    /** The variant name on the command line. */
    static final String VARIANT = "bseml";

    private BsemlTrainRun() {
    }

    /** The paper's case, or one error line. */
    static TrainingCase requireCase(int trainingCase) {
        try {
            return TrainingCase.of(trainingCase);
        } catch (IllegalArgumentException e) {
            throw new DefectLensException("--case must be 1, 2, 3 or 4, not " + trainingCase);
        }
    }

    /** Trains, saves the bundle into {@code out} and returns the summary lines. */
    static Map<String, Object> run(WaferDataset dataset, Map<String, Object> facts, Path data, WaferClassSet set,
            double testFraction, long testSeed, long seed, TrainingCase trainingCase, Path caeDir,
            AutoEncoderTraining caeSettings, Path out, PrintWriter err) throws IOException {
        BsemlTraining fit;
        ConvAutoEncoder[] cae = new ConvAutoEncoder[1];
        try (InterruptCancellation cancel = new InterruptCancellation();
                TerminalProgress progress = new TerminalProgress(err, "wafer train bseml", cancel)) {
            fit = BsemlTraining.fit(dataset, set, testFraction, testSeed, seed, trainingCase, maps -> {
                cae[0] = AutoEncoderOptions.obtain(caeDir, caeSettings, maps, progress::println, progress);
                return cae[0];
            }, progress::println, progress);
        } catch (IllegalArgumentException e) {
            throw new DefectLensException(data, e.getMessage());
        } finally {
            if (cae[0] != null) {
                cae[0].close();
            }
        }
        BsemlModel model = fit.model(facts);
        model.save(out);
        Map<String, Object> summary = new LinkedHashMap<>();
        summary.put("model", out.toString());
        summary.put("variant", VARIANT);
        summary.put("case", trainingCase.number());
        summary.put("classes", set.id());
        summary.put("train", fit.train().size());
        summary.put("test", fit.testY().length);
        if (fit.augmentation() != null) {
            summary.put("augmented_kept", fit.augmentation().get("kept"));
            summary.put("augmented_rejected", fit.augmentation().get("rejected"));
        }
        Map<?, ?> test = (Map<?, ?>) model.provenance().get("heldOutTest");
        summary.put("test_accuracy", test.get("microF1"));
        summary.put("test_macro_f1", test.get("macroF1"));
        summary.put("seconds", fit.seconds());
        return summary;
    }
}
