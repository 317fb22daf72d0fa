package defectlens.cli.sem;

import defectlens.cli.ModelOpener;
import defectlens.cli.explain.ExplainHeatmapCommand;
import picocli.CommandLine.Command;

/**
 * {@code sem explain}: one heatmap of one SEM image, the same command as {@code explain heatmap}
 * (same options: {@code --model --image --method [--class] --out FILE.npy [--png] [--json]}) under
 * the {@code sem} commands.
 */
@Command(name = "explain", mixinStandardHelpOptions = true,
        description = "Explains one SEM image with one method and writes the heatmap as .npy (and PNG); same as 'explain heatmap'.")
public final class SemExplainCommand extends ExplainHeatmapCommand {
    /** The same command, opening {@code --model} with {@code models}. */
    public SemExplainCommand(ModelOpener models) {
        super(models);
    }
}
