package defectlens.cli.mask;

import defectlens.cli.CommandGroup;
import picocli.CommandLine.Command;

/** {@code mask ...}: candidate defect masks for the expert. */
@Command(
        name = "mask",
        mixinStandardHelpOptions = true,
        description = "Candidate defect masks: suggest them for a data set, measure them against existing masks.",
        subcommands = {MaskSuggestCommand.class, MaskEvaluateCommand.class})
public final class MaskCommand extends CommandGroup {
}
