package defectlens.cli.spark;

import defectlens.dataset.SemSample;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.spark.api.java.JavaRDD;
import org.apache.spark.broadcast.Broadcast;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Encoders;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SaveMode;
import org.apache.spark.sql.functions;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.Metadata;
import org.apache.spark.sql.types.MetadataBuilder;
import org.apache.spark.sql.types.StructField;
import org.apache.spark.sql.types.StructType;

/**
 * The driver side of {@code sem-score}: the data set's images (listed on the driver as {@code sem classify
 * --data} lists them) spread over the tasks, classified by {@link SemPartitionScorer} with the broadcast bundle,
 * written as Parquet: {@code id, image, label, predicted, probabilities, error}.
 */
final class SemScoreJob {
    private SemScoreJob() {
    }

    /** What to score with what; {@code partitions} null: Spark's default parallelism. */
    record Settings(Path model, Path in, String out, boolean force, String master, Integer partitions, int batch) {
    }

    static Map<String, Object> run(Settings s, BundleFiles files, List<String> classes, List<SemSample> samples) {
        long t0 = System.nanoTime();
        try (JobSession session = JobSession.open("defectlens sem-score", s.master())) {
            List<Row> rows = new ArrayList<>(samples.size());
            for (SemSample x : samples) {
                rows.add(RowFactory.create(x.id(), x.image().toAbsolutePath().toString(), x.label()));
            }
            int slices = s.partitions() != null ? s.partitions() : session.context().defaultParallelism();
            JavaRDD<Row> images = session.context().parallelize(rows, Math.max(1, Math.min(slices, rows.size())));
            StructType inSchema = new StructType()
                    .add("id", DataTypes.StringType, false)
                    .add("image", DataTypes.StringType, false)
                    .add("label", DataTypes.StringType, true);
            Broadcast<BundleFiles> bundle = session.context().broadcast(files);
            StructType schema = schema(classes);
            Dataset<Row> scored = WaferScoreJob.withClassOrder(session.spark().createDataFrame(images, inSchema)
                    .mapPartitions(new SemPartitionScorer(bundle, s.batch()), Encoders.row(schema)), schema);
            scored.write().mode(s.force() ? SaveMode.Overwrite : SaveMode.ErrorIfExists).parquet(s.out());
            Dataset<Row> written = session.spark().read().parquet(s.out());
            long total = written.count();
            long failed = written.filter(functions.col("error").isNotNull()).count();
            bundle.destroy();
            Map<String, Object> summary = new LinkedHashMap<>();
            summary.put("model", s.model().toString());
            summary.put("in", s.in().toString());
            summary.put("out", s.out());
            summary.put("classes", classes);
            summary.put("images", total);
            summary.put("unreadable", failed);
            summary.put("partitions", images.getNumPartitions());
            summary.put("master", session.spark().sparkContext().master());
            summary.put("seconds", (System.nanoTime() - t0) / 1e9);
            return summary;
        }
    }

    /** The output columns; {@code probabilities} carries the class names in its metadata. */
    static StructType schema(List<String> classes) {
        Metadata order = new MetadataBuilder().putStringArray("classes", classes.toArray(String[]::new)).build();
        return new StructType(new StructField[] {
            DataTypes.createStructField("id", DataTypes.StringType, false),
            DataTypes.createStructField("image", DataTypes.StringType, false),
            DataTypes.createStructField("label", DataTypes.StringType, true),
            DataTypes.createStructField("predicted", DataTypes.StringType, true),
            new StructField("probabilities", DataTypes.createArrayType(DataTypes.DoubleType, false), true, order),
            DataTypes.createStructField("error", DataTypes.StringType, true)});
    }
}
