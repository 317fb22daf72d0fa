package defectlens.cli;

import defectlens.model.ModelBundle;
import defectlens.model.SplitClassifier;
import java.nio.file.Path;
import java.util.function.Function;
import picocli.CommandLine.Command;

/**
 * {@code explain ...}: explanation methods measured against ground truth. Models are opened through
 * {@link #modelLoader}, a hook from a model folder to a {@link SplitClassifier}, so that the
 * commands work with whatever bundle format is installed (and with test models).
 */
@Command(
        name = "explain",
        mixinStandardHelpOptions = true,
        description = "Explanation methods (GradCAM family, CRAFT) measured against expert defect masks.",
        subcommands = {ExplainEvaluateCommand.class, ExplainHeatmapCommand.class})
public final class ExplainCommand extends CommandGroup {
    /**
     * Opens {@code --model DIR} for every {@code explain} command: the model-bundle reader (DJL-native
     * EfficientNetV2 or imported TorchScript bundles); tests put a tiny model here.
     */
    public static volatile Function<Path, SplitClassifier> modelLoader = ModelBundle::load;
}
