package defectlens.cli;

import picocli.CommandLine;
import picocli.CommandLine.Command;

/** {@code defectlens wafer ...}: WM-811K wafer-map data sets. */
@Command(
        name = "wafer",
        mixinStandardHelpOptions = true,
        description = "Work with WM-811K wafer maps (LSWMD.pkl, WM811K.pkl and re-pickled variants).",
        subcommands = {WaferInfoCommand.class, WaferExportCommand.class, WaferExplainCommand.class, WaferTrainCommand.class, WaferEvaluateCommand.class, WaferExperimentCommand.class, WaferConfigureCommand.class})
public final class WaferCommand implements Runnable {
    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }
}
