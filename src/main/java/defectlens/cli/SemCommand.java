package defectlens.cli;

import picocli.CommandLine;
import picocli.CommandLine.Command;

/** {@code sem ...}: commands on SEM line/space images of the Carinthia kind. */
@Command(
        name = "sem",
        mixinStandardHelpOptions = true,
        description = "SEM line/space defect images (Carinthia / Carinthia-S layout).",
        subcommands = {SemGenerateCommand.class, SemTrainCommand.class, SemClassifyCommand.class, SemEvaluateCommand.class, SemExplainCommand.class})
public final class SemCommand implements Runnable {
    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }
}
