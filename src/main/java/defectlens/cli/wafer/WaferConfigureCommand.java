package defectlens.cli.wafer;

import defectlens.cli.Json;
import defectlens.core.DefectLensException;
import defectlens.wafer.WaferModel;
import defectlens.wafer.WaferModelBundle;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine;

/**
 * {@code defectlens wafer configure}: changes the inference settings of a wafer model bundle in place: averaging
 * each map's class probabilities over its eight rotations and reflections, and the network inputs per forward
 * call measured best for the bundle. The weights and the training provenance stay as they are.
 */
@Command(name = "configure", mixinStandardHelpOptions = true,
        description = "Change a wafer model bundle's inference settings (weights and provenance unchanged).")
public final class WaferConfigureCommand implements Callable<Integer> {
    @Parameters(index = "0", paramLabel = "MODEL_DIR", description = "wafer model bundle folder")
    Path modelDir;

    @Option(names = "--average-symmetries", arity = "1", paramLabel = "true|false",
            description = "average each map's class probabilities over its 8 rotations/reflections (test-time augmentation)")
    Boolean averageSymmetries;

    @Option(names = "--forward-batch", paramLabel = "N",
            description = "network inputs per forward call (bench wafer --batch measures it; default "
                    + WaferModel.FORWARD_BATCH + ")")
    Integer forwardBatch;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() {
        if (averageSymmetries == null && forwardBatch == null) {
            throw new DefectLensException(modelDir,
                    "nothing to change: give --average-symmetries and/or --forward-batch");
        }
        if (forwardBatch != null && forwardBatch < 1) {
            throw new DefectLensException(modelDir, "--forward-batch must be at least 1: " + forwardBatch);
        }
        Map<String, Object> doc = new LinkedHashMap<>();
        doc.put("model", modelDir.toString());
        try (WaferModel model = WaferModelBundle.load(modelDir)) {
            if (averageSymmetries != null) {
                model.setAverageOverSymmetries(averageSymmetries);
            }
            if (forwardBatch != null) {
                model.setForwardBatch(forwardBatch);
            }
            WaferModelBundle.save(model, modelDir);
            doc.put("average_over_symmetries", model.averageOverSymmetries());
            doc.put("forward_batch", model.forwardBatch());
        }
        spec.commandLine().getOut().println(Json.write(doc));
        spec.commandLine().getOut().flush();
        return 0;
    }
}
