package defectlens.wafer;

import defectlens.core.DefectLensException;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/**
 * The maps of a pickle that a model's {@code wafer train} held out as its test set, re-created from the class
 * set, test fraction and test seed in the model's provenance; refused when the file is not the one the model
 * was trained on (SHA-256 in model.json).
 */
public final class HeldOutMaps {
    private HeldOutMaps() {}

    /** Row indices into {@code dataset} (read from {@code file}) of the maps {@code model}'s training held out. */
    public static List<Integer> rows(WaferModel model, Path modelDir, WaferDataset dataset, Path file) throws IOException {
        Map<String, Object> p = model.provenance();
        Object classSet = p.get("classSet");
        if (!(p.get("split") instanceof Map<?, ?> split) || classSet == null
                || !(split.get("testFraction") instanceof Number fraction)
                || !(split.get("testSeed") instanceof Number seed)) {
            throw new DefectLensException(modelDir, "--heldout needs a model trained by 'wafer train' (no held-out split in model.json)");
        }
        if (p.get("data") instanceof Map<?, ?> facts && facts.get("sha256") instanceof String expected
                && !expected.equals(WaferTrainingJob.fileFacts(file, dataset.size()).get("sha256"))) {
            throw new DefectLensException(file, "--heldout: not the file the model was trained on (SHA-256 differs from "
                    + facts.get("file") + " in model.json)");
        }
        return WaferTrainingPlan.heldOut(dataset, WaferClassSet.parse(classSet.toString()), fraction.doubleValue(),
                seed.longValue());
    }
}
