package defectlens.cli.model;

import defectlens.cli.Json;
import defectlens.cli.JsonOption;
import defectlens.core.DefectLensException;
import defectlens.model.InputSpec;
import defectlens.model.ModelManifest;
import defectlens.model.TorchScriptImporter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine;

/** {@code model import-torchscript}: a bundle from traced {@code features} and {@code head} modules. */
@Command(name = "import-torchscript", mixinStandardHelpOptions = true,
        description = {"Makes a model bundle from two traced TorchScript modules (see docs/export_torchscript.py).",
            "Input is normalised with ImageNet statistics (3 channels) or scaled to [-1, 1] (1 channel)."})
public final class ModelImportCommand implements Callable<Integer> {
    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Option(names = "--features", required = true, description = "Traced module: image batch to split-layer maps.")
    Path features;

    @Option(names = "--head", required = true, description = "Traced module: split-layer maps to logits.")
    Path head;

    @Option(names = "--classes", required = true, split = ",", description = "Class names in logit order, comma separated.")
    List<String> classes;

    @Option(names = "--input-size", required = true, description = "Square input size in pixels.")
    int inputSize;

    @Option(names = "--channels", defaultValue = "3", description = "Input channels, 1 or 3 (default: ${DEFAULT-VALUE}).")
    int channels;

    @Option(names = "--split-layer", defaultValue = "features", description = "Name of the split layer (default: ${DEFAULT-VALUE}).")
    String splitLayer;

    @Option(names = "--name", description = "Model name (default: the --out folder name).")
    String name;

    @Option(names = "--out", required = true, description = "Bundle folder to write.")
    Path out;

    @Mixin
    JsonOption json;

    @Override
    public Integer call() {
        if (inputSize < 8 || (channels != 1 && channels != 3)) {
            throw new DefectLensException(out, "--input-size must be at least 8 and --channels 1 or 3");
        }
        InputSpec input = channels == 3 ? InputSpec.imagenet(inputSize) : InputSpec.gray(inputSize);
        List<String> names = new ArrayList<>();
        classes.forEach(c -> names.add(c.trim()));
        String bundleName = name != null ? name : String.valueOf(out.toAbsolutePath().normalize().getFileName());
        ModelManifest m = TorchScriptImporter.importBundle(features, head, names, input, splitLayer, bundleName, out);
        var stdout = spec.commandLine().getOut();
        if (json.on()) {
            stdout.println(Json.write(java.util.Map.of("bundle", out.toAbsolutePath().normalize().toString(),
                    "classes", m.classes(), "parameters", m.parameters())));
        } else {
            stdout.printf(Locale.ROOT, "wrote TorchScript bundle %s (%d classes)%n", out, m.classes().size());
        }
        stdout.flush();
        return 0;
    }
}
