package defectlens.cli.review;

import defectlens.cli.CommandGroup;
import picocli.CommandLine.Command;

/** {@code review ...}: reviews of a model's predictions by process engineers (create, classify, status...). */
@Command(name = "review", mixinStandardHelpOptions = true,
        description = "Reviews: process engineers decide on a model's predictions; their decisions become corrected labels.",
        subcommands = {ReviewCreateCommand.class, ReviewClassifyCommand.class, ReviewStatusCommand.class,
            ReviewDecideCommand.class, ReviewMergeCommand.class, ReviewExportCommand.class, ReviewNoveltyCommand.class,
            ReviewSimilarCommand.class, ReviewDriftCommand.class})
public final class ReviewCommand extends CommandGroup {
}
