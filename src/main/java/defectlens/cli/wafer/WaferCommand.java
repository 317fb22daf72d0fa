package defectlens.cli.wafer;

import defectlens.cli.CommandGroup;
import picocli.CommandLine.Command;

/** {@code defectlens wafer ...}: WM-811K wafer-map data sets. */
@Command(
        name = "wafer",
        mixinStandardHelpOptions = true,
        description = "Work with WM-811K wafer maps (LSWMD.pkl, WM811K.pkl and re-pickled variants).",
        subcommands = {
                WaferInfoCommand.class, WaferExportCommand.class, WaferExplainCommand.class, WaferTrainCommand.class,
                WaferClassifyCommand.class, WaferEvaluateCommand.class, WaferExperimentCommand.class,
                WaferEnsembleCommand.class, WaferConfigureCommand.class, WaferFeaturesCommand.class,
                WaferAugmentCommand.class})
public final class WaferCommand extends CommandGroup {}
