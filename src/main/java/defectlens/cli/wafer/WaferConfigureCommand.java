package defectlens.cli.wafer;

import defectlens.cli.Json;
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
 * {@code defectlens wafer configure}: changes the inference settings of a wafer model bundle in place (today
 * one: averaging each map's class probabilities over its eight rotations and reflections). The weights and
 * the training provenance stay as they are.
 */
@Command(name = "configure", mixinStandardHelpOptions = true,
        description = "Change a wafer model bundle's inference settings (weights and provenance unchanged).")
public final class WaferConfigureCommand implements Callable<Integer> {
    @Parameters(index = "0", paramLabel = "MODEL_DIR", description = "wafer model bundle folder")
    Path modelDir;

    @Option(names = "--average-symmetries", required = true, arity = "1", paramLabel = "true|false",
            description = "average each map's class probabilities over its 8 rotations/reflections (test-time augmentation)")
    boolean averageSymmetries;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() {
        try (WaferModel model = WaferModelBundle.load(modelDir)) {
            model.setAverageOverSymmetries(averageSymmetries);
            WaferModelBundle.save(model, modelDir);
        }
        Map<String, Object> doc = new LinkedHashMap<>();
        doc.put("model", modelDir.toString());
        doc.put("average_over_symmetries", averageSymmetries);
        spec.commandLine().getOut().println(Json.write(doc));
        spec.commandLine().getOut().flush();
        return 0;
    }
}
