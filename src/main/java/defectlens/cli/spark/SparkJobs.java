package defectlens.cli.spark;

import defectlens.cli.CommandGroup;
import defectlens.cli.DefectLensCommand;
import defectlens.cli.ModelOpener;
import defectlens.cli.VersionProvider;
import defectlens.core.RuntimeEnvironment;
import java.io.OutputStreamWriter;
import java.io.PrintWriter;
import java.nio.charset.Charset;
import picocli.CommandLine.Command;

/**
 * The main class spark-submit starts ({@code spark-submit --class defectlens.cli.spark.SparkJobs
 * target/defectlens.jar wafer-score ...}, docs/spark.md): the batch scoring jobs, with the CLI's error handling
 * (a user error prints one line and exits 2).
 */
@Command(name = "defectlens-spark", mixinStandardHelpOptions = true, versionProvider = VersionProvider.class,
        description = "Batch scoring on Apache Spark (run with spark-submit).",
        subcommands = {WaferScoreCommand.class, SemScoreCommand.class})
public final class SparkJobs extends CommandGroup {
    public static void main(String[] args) {
        RuntimeEnvironment.prepare();
        int code = run(args);
        System.out.flush();
        if (code != 0) {
            System.exit(code);
        }
    }

    /** Runs a job on stdout / stderr and returns the exit code. */
    public static int run(String... args) {
        Charset cs = Charset.defaultCharset();
        return run(new PrintWriter(new OutputStreamWriter(System.out, cs), true),
                new PrintWriter(new OutputStreamWriter(System.err, cs), true), args);
    }

    /** Runs a job on the given streams and returns the exit code. */
    public static int run(PrintWriter out, PrintWriter err, String... args) {
        return DefectLensCommand.execute(new SparkJobs(), out, err, ModelOpener.BUNDLES, args);
    }
}
