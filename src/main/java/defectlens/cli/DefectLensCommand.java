package defectlens.cli;

import defectlens.cli.bench.BenchCommand;
import defectlens.cli.explain.ExplainCommand;
import defectlens.cli.model.ModelCommand;
import defectlens.cli.sem.SemCommand;
import defectlens.cli.mask.MaskCommand;
import defectlens.cli.review.ReviewCommand;
import defectlens.cli.study.StudyCommand;
import defectlens.cli.wafer.WaferCommand;
import defectlens.core.DefectLensException;
import java.io.OutputStreamWriter;
import java.io.PrintWriter;
import java.nio.charset.Charset;
import picocli.CommandLine.Command;
import picocli.CommandLine;

/** The root of the CLI: {@code java -jar defectlens.jar <command> ...}. */
@Command(
        name = "defectlens",
        mixinStandardHelpOptions = true,
        versionProvider = VersionProvider.class,
        description = "Semiconductor defect review workbench. With no command, opens the window.",
        subcommands = {
                DatasetCommand.class, ImageCommand.class, SemCommand.class, WaferCommand.class, StudyCommand.class,
                ReviewCommand.class, MaskCommand.class,
                BenchCommand.class, ExplainCommand.class, ModelCommand.class, CommandLine.HelpCommand.class})
public final class DefectLensCommand extends CommandGroup {
    /** Runs the CLI and returns the exit code; user errors print one line on stderr and exit 2. */
    public static int run(String... args) {
        Charset cs = Charset.defaultCharset();
        return run(new PrintWriter(new OutputStreamWriter(System.out, cs), true),
                new PrintWriter(new OutputStreamWriter(System.err, cs), true), args);
    }

    /** Runs the CLI on the given streams with the product's model-bundle reader. */
    public static int run(PrintWriter out, PrintWriter err, String... args) {
        return run(out, err, ModelOpener.BUNDLES, args);
    }

    /** Runs the CLI on the given streams, opening explanation models with {@code models} (tests: a tiny network). */
    public static int run(PrintWriter out, PrintWriter err, ModelOpener models, String... args) {
        return execute(new DefectLensCommand(), out, err, models, args);
    }

    /**
     * Runs a picocli command tree ({@code root}: this CLI, or the Spark jobs' {@code defectlens.cli.spark.SparkJobs})
     * on the given streams: user errors print one line {@code error: FILE: problem} and exit 2.
     */
    public static int execute(Object root, PrintWriter out, PrintWriter err, ModelOpener models, String... args) {
        CommandLine cl = new CommandLine(root, new CommandFactory(models));
        cl.setOut(out);
        cl.setErr(err);
        cl.setExecutionExceptionHandler((ex, commandLine, parseResult) -> {
            Throwable t = ex;
            while (t != null && !(t instanceof DefectLensException)) {
                t = t.getCause();
            }
            if (t != null) {
                commandLine.getErr().println("error: " + t.getMessage());
                return 2;
            }
            commandLine.getErr().println("error: " + ex);
            ex.printStackTrace(commandLine.getErr());
            return 1;
        });
        return cl.execute(args);
    }
}
