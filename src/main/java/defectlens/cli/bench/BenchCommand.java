package defectlens.cli.bench;

import defectlens.cli.CommandGroup;
import picocli.CommandLine.Command;

/** {@code bench ...}: throughput measurements behind {@code docs/benchmarks.md}. */
@Command(
        name = "bench",
        mixinStandardHelpOptions = true,
        description = "Speed measurements (figures for docs/benchmarks.md).",
        subcommands = {
                BenchRadonCommand.class, BenchWaferLrpCommand.class, BenchSemCommand.class,
                BenchExplainCommand.class, BenchWaferCommand.class, BenchReviewCommand.class,
                BenchMaskEditCommand.class, BenchSimilarCommand.class, BenchFeaturesCommand.class})
public final class BenchCommand extends CommandGroup {}
