package defectlens.cli.spark;

import org.apache.spark.api.java.JavaSparkContext;
import org.apache.spark.sql.SparkSession;

/**
 * The Spark session a scoring job runs in: the one spark-submit (or a test) made, or a new one with the
 * {@code --master} given; a session the job made itself is stopped when the job ends, one it found is left running.
 */
final class JobSession implements AutoCloseable {
    private final SparkSession spark;
    private final boolean owned;

    private JobSession(SparkSession spark, boolean owned) {
        this.spark = spark;
        this.owned = owned;
    }

    /** The active or default session, else a new one named {@code app} (on {@code master} when not null). */
    static JobSession open(String app, String master) {
        boolean existed = SparkSession.getActiveSession().isDefined() || SparkSession.getDefaultSession().isDefined();
        SparkSession.Builder builder = SparkSession.builder().appName(app);
        if (master != null) {
            builder = builder.master(master);
        }
        return new JobSession(builder.getOrCreate(), !existed);
    }

    SparkSession spark() {
        return spark;
    }

    JavaSparkContext context() {
        return JavaSparkContext.fromSparkContext(spark.sparkContext());
    }

    @Override
    public void close() {
        if (owned) {
            spark.stop();
        }
    }
}
