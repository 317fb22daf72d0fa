package defectlens.cli.explain;

import defectlens.cli.CommandFactory;
import defectlens.cli.CommandGroup;
import defectlens.cli.ModelOpener;
import picocli.CommandLine.Command;

/**
 * {@code explain ...}: explanation methods measured against ground truth. Its commands open models through the
 * {@link ModelOpener} that {@link CommandFactory} hands them (the bundle reader; a tiny network in tests).
 */
@Command(
        name = "explain",
        mixinStandardHelpOptions = true,
        description = "Explanation methods (GradCAM family, CRAFT) measured against expert defect masks.",
        subcommands = {ExplainEvaluateCommand.class, ExplainHeatmapCommand.class, ExplainLayersCommand.class})
public final class ExplainCommand extends CommandGroup {
}
