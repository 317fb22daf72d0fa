package defectlens.cli.sem;

import defectlens.cli.CommandGroup;
import picocli.CommandLine.Command;

/** {@code sem ...}: commands on SEM line/space images of the Carinthia kind. */
@Command(
        name = "sem",
        mixinStandardHelpOptions = true,
        description = "SEM line/space defect images (Carinthia / Carinthia-S layout).",
        subcommands = {SemGenerateCommand.class, SemTrainCommand.class, SemClassifyCommand.class, SemEvaluateCommand.class, SemExplainCommand.class})
public final class SemCommand extends CommandGroup {}
