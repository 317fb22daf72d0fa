package defectlens.cli;

import picocli.CommandLine;
import picocli.CommandLine.Command;

/** {@code model ...}: model bundles. */
@Command(
        name = "model",
        mixinStandardHelpOptions = true,
        description = "Model bundles (model.json beside DJL or TorchScript weights).",
        subcommands = {ModelInfoCommand.class, ModelImportCommand.class})
public final class ModelCommand implements Runnable {
    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }
}
