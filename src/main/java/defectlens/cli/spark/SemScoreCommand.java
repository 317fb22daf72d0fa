package defectlens.cli.spark;

import defectlens.cli.Json;
import defectlens.cli.JsonOption;
import defectlens.core.DefectLensException;
import defectlens.dataset.DatasetOpener;
import defectlens.dataset.SemDataset;
import defectlens.model.SemClassifier;
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
 * {@code sem-score --model M --in FOLDER --out PARQUET}: classifies every image of a SEM data set folder (class
 * folders or a Carinthia CSV, as {@code sem classify --data} reads it) on Spark and writes image, class and
 * probabilities as Parquet. The folder must be at the same path on the driver and every executor.
 */
@Command(name = "sem-score", mixinStandardHelpOptions = true,
        description = "Classify the images of a SEM data set folder on Spark.")
public final class SemScoreCommand implements Callable<Integer> {
    @Option(names = "--model", required = true, paramLabel = "MODEL_DIR",
            description = "SEM model bundle folder on the driver (broadcast to the executors)")
    Path modelDir;

    @Option(names = "--in", required = true, paramLabel = "FOLDER",
            description = "SEM data set folder, at the same path on every executor")
    Path in;

    @Option(names = "--out", required = true, paramLabel = "PARQUET", description = "scores Parquet to write")
    String out;

    @Option(names = "--force", description = "Replace --out if it exists.")
    boolean force;

    @Option(names = "--master", paramLabel = "URL",
            description = "Spark master when not run by spark-submit, e.g. local[2]")
    String master;

    @Option(names = "--partitions", paramLabel = "N", description = "tasks (default: Spark's default parallelism)")
    Integer partitions;

    @Option(names = "--batch", defaultValue = "0",
            description = "images per forward pass; 0 = by input size, as sem classify (default: ${DEFAULT-VALUE})")
    int batch;

    @Mixin
    JsonOption json;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() {
        SparkSupport.require(modelDir, "sem-score");
        if (batch < 0 || partitions != null && partitions < 1) {
            throw new DefectLensException(modelDir, "--batch must be at least 0 and --partitions at least 1");
        }
        JobPaths.requireMaster(modelDir, master);
        JobPaths.checkOutput(out, force);
        SemDataset data = DatasetOpener.open(in);
        if (data.size() == 0) {
            throw new DefectLensException(in, "holds no image");
        }
        BundleFiles files = BundleFiles.read(modelDir);
        SemClassifier classifier = SemPartitionScorer.load(modelDir);
        ExecutorBundles.offer(files, SemClassifier.class, classifier);
        int step = batch > 0 ? batch : SemClassifier.recommendedBatch(classifier.model().input());
        Map<String, Object> summary = SemScoreJob.run(new SemScoreJob.Settings(modelDir, in, out, force, master,
                partitions, step), files, classifier.model().classes(), data.samples());
        PrintWriter o = spec.commandLine().getOut();
        if (json.on()) {
            o.println(Json.write(summary));
        } else {
            o.println(String.format(Locale.ROOT, "scored %d images of %s in %.1f s (%s partitions, %s), %d unreadable"
                    + " -> %s", (Long) summary.get("images"), in, (Double) summary.get("seconds"),
                    summary.get("partitions"), summary.get("master"), (Long) summary.get("unreadable"), out));
            o.println("classes: " + summary.get("classes"));
        }
        o.flush();
        return 0;
    }
}
