package defectlens.cli.model;

import defectlens.cli.CommandGroup;
import picocli.CommandLine.Command;

/** {@code model ...}: model bundles. */
@Command(
        name = "model",
        mixinStandardHelpOptions = true,
        description = "Model bundles (model.json beside DJL or TorchScript weights).",
        subcommands = {ModelInfoCommand.class, ModelImportCommand.class})
public final class ModelCommand extends CommandGroup {}
