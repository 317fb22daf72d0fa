package defectlens.cli.spark;

import defectlens.core.DefectLensException;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.spark.broadcast.Broadcast;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Encoders;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SaveMode;
import org.apache.spark.sql.functions;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.Metadata;
import org.apache.spark.sql.types.MetadataBuilder;
import org.apache.spark.sql.types.StructField;
import org.apache.spark.sql.types.StructType;

/**
 * The driver side of {@code wafer-score}: reads the maps Parquet ({@code wafer export --format parquet}),
 * broadcasts the bundle's files, classifies every partition with {@link WaferPartitionScorer} and writes
 * {@code index, predicted, probabilities[, novelty, novel]} as Parquet. The class order of {@code probabilities}
 * is in the column's metadata ({@code classes}) and in the summary.
 */
final class WaferScoreJob {
    /** The columns of a maps Parquet that scoring needs. */
    static final List<String> INPUT = List.of("index", "rows", "cols", "dies");

    private WaferScoreJob() {
    }

    /**
     * What to score with what; {@code partitions} null keeps the input's partitioning, {@code limit} null scores
     * every map (else the first {@code limit} Spark reads, for a trial run).
     */
    record Settings(Path model, String in, String out, boolean force, boolean average, boolean novelty,
            String master, Integer partitions, Integer limit) {
    }

    /** Runs the job with the bundle the driver loaded from {@code s.model()}; returns the summary. */
    static Map<String, Object> run(Settings s, BundleFiles files, List<String> classes) {
        long t0 = System.nanoTime();
        try (JobSession session = JobSession.open("defectlens wafer-score", s.master())) {
            Dataset<Row> maps = session.spark().read().parquet(s.in());
            List<String> columns = Arrays.asList(maps.columns());
            for (String c : INPUT) {
                if (!columns.contains(c)) {
                    throw new DefectLensException(Path.of(s.in()), "has no column '" + c + "' (columns: " + columns
                            + "); write it with 'wafer export --format parquet'");
                }
            }
            maps = maps.select(INPUT.get(0), INPUT.subList(1, INPUT.size()).toArray(String[]::new));
            if (s.limit() != null) {
                maps = maps.limit(s.limit());
            }
            if (s.partitions() != null) {
                maps = maps.repartition(s.partitions());
            }
            Broadcast<BundleFiles> bundle = session.context().broadcast(files);
            StructType schema = schema(classes, s.novelty());
            Dataset<Row> scored = withClassOrder(maps.mapPartitions(new WaferPartitionScorer(bundle, s.average(),
                    s.novelty()), Encoders.row(schema)), schema);
            scored.write().mode(s.force() ? SaveMode.Overwrite : SaveMode.ErrorIfExists).parquet(s.out());
            long scoredRows = session.spark().read().parquet(s.out()).count();
            bundle.destroy();
            Map<String, Object> summary = new LinkedHashMap<>();
            summary.put("model", s.model().toString());
            summary.put("in", s.in());
            summary.put("out", s.out());
            summary.put("classes", classes);
            summary.put("average_over_symmetries", s.average());
            summary.put("novelty", s.novelty());
            summary.put("maps", scoredRows);
            summary.put("partitions", maps.rdd().getNumPartitions());
            summary.put("master", session.spark().sparkContext().master());
            summary.put("seconds", (System.nanoTime() - t0) / 1e9);
            return summary;
        }
    }

    /** The probabilities column with the class names of {@code schema} in its metadata (the encoder drops them). */
    static Dataset<Row> withClassOrder(Dataset<Row> scored, StructType schema) {
        StructField p = schema.apply("probabilities");
        return scored.withColumn(p.name(), functions.col(p.name()).as(p.name(), p.metadata()));
    }

    /** The output columns; {@code probabilities} carries the class names in its metadata. */
    static StructType schema(List<String> classes, boolean novelty) {
        Metadata order = new MetadataBuilder().putStringArray("classes", classes.toArray(String[]::new)).build();
        StructType t = new StructType(new StructField[] {
            DataTypes.createStructField("index", DataTypes.IntegerType, false),
            DataTypes.createStructField("predicted", DataTypes.StringType, false),
            new StructField("probabilities", DataTypes.createArrayType(DataTypes.FloatType, false), false, order)});
        if (novelty) {
            t = t.add("novelty", DataTypes.FloatType, false).add("novel", DataTypes.BooleanType, false);
        }
        return t;
    }
}
