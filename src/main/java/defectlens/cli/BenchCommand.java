package defectlens.cli;

import picocli.CommandLine;
import picocli.CommandLine.Command;

/** {@code bench ...}: throughput measurements behind {@code docs/benchmarks.md}. */
@Command(
        name = "bench",
        mixinStandardHelpOptions = true,
        description = "Speed measurements (figures for docs/benchmarks.md).",
        subcommands = {BenchRadonCommand.class, BenchWaferLrpCommand.class, BenchSemCommand.class, BenchExplainCommand.class, BenchWaferCommand.class})
public final class BenchCommand implements Runnable {
    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }
}
