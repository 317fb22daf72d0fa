package defectlens.cli.spark;

import defectlens.cli.Json;
import defectlens.cli.JsonOption;
import defectlens.cli.wafer.SymmetryAveragingOption;
import defectlens.core.DefectLensException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * {@code wafer-score --model M --in PARQUET --out PARQUET [--average-symmetries] [--novelty]}: classifies every
 * map of a maps Parquet on Spark with a wafer bundle, the way {@code wafer classify} does on the desktop, and
 * writes index, predicted class and probabilities (and the novelty score) as Parquet. Checks the options and
 * loads the bundle on the driver before Spark starts, so a wrong bundle or path is one line, not a failed job.
 */
@Command(name = "wafer-score", mixinStandardHelpOptions = true,
        description = "Classify the wafer maps of a Parquet (wafer export --format parquet) on Spark.")
public final class WaferScoreCommand implements Callable<Integer> {
    @Option(names = "--model", required = true, paramLabel = "MODEL_DIR",
            description = "wafer model bundle folder on the driver (broadcast to the executors)")
    Path modelDir;

    @Option(names = "--in", required = true, paramLabel = "PARQUET", description = "maps Parquet (any Spark path)")
    String in;

    @Option(names = "--out", required = true, paramLabel = "PARQUET", description = "scores Parquet to write")
    String out;

    @Option(names = "--force", description = "Replace --out if it exists.")
    boolean force;

    @Option(names = "--novelty", description = "Add the bundle's novelty score and flag (needs its novelty fit).")
    boolean novelty;

    @Option(names = "--master", paramLabel = "URL",
            description = "Spark master when not run by spark-submit, e.g. local[2]")
    String master;

    @Option(names = "--partitions", paramLabel = "N", description = "repartition the maps into N tasks first")
    Integer partitions;

    @Option(names = "--limit", paramLabel = "N", description = "score only the first N maps (a trial run)")
    Integer limit;

    @Mixin
    SymmetryAveragingOption averaging;

    @Mixin
    JsonOption json;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() {
        SparkSupport.require(modelDir, "wafer-score");
        if (partitions != null && partitions < 1 || limit != null && limit < 1) {
            throw new DefectLensException(modelDir, "--partitions and --limit must be at least 1");
        }
        JobPaths.requireMaster(modelDir, master);
        JobPaths.checkInput(in);
        JobPaths.checkOutput(out, force);
        BundleFiles files = BundleFiles.read(modelDir);
        WaferScoringBundle bundle = WaferScoringBundle.load(modelDir);
        ExecutorBundles.offer(files, WaferScoringBundle.class, bundle);
        if (novelty) {
            bundle.requireNoveltyFit(modelDir);
        }
        Boolean asked = averaging.averageSymmetries();
        boolean average = asked != null ? asked : bundle.bundleAverages();
        Map<String, Object> summary = WaferScoreJob.run(new WaferScoreJob.Settings(modelDir, in, out, force, average,
                novelty, master, partitions, limit), files, bundle.classes());
        if (novelty) {
            summary.put("novelty_score", bundle.noveltyScore().cliName());
            summary.put("novelty_threshold", bundle.noveltyThreshold());
        }
        PrintWriter o = spec.commandLine().getOut();
        if (json.on()) {
            o.println(Json.write(summary));
        } else {
            o.println(String.format(Locale.ROOT, "scored %d maps of %s in %.1f s (%s partitions, %s)%s -> %s",
                    (Long) summary.get("maps"), in, (Double) summary.get("seconds"), summary.get("partitions"),
                    summary.get("master"), average ? ", averaged over 8 turns / flips" : "", out));
            o.println("classes: " + summary.get("classes"));
        }
        o.flush();
        return 0;
    }
}
