package defectlens.cli.spark;

import defectlens.core.DefectLensException;
import java.nio.file.Path;

/**
 * Whether Apache Spark (and the Parquet and Hadoop libraries it brings) is on the class path. The project
 * declares Spark {@code provided}: spark-submit brings it, the desktop does not, and the commands that need it
 * say so in one line instead of failing on a missing class. No Spark class is touched here.
 */
public final class SparkSupport {
    private SparkSupport() {
    }

    /** True when the Spark SQL and Parquet classes can be loaded. */
    public static boolean available() {
        ClassLoader loader = SparkSupport.class.getClassLoader();
        try {
            Class.forName("org.apache.spark.sql.SparkSession", false, loader);
            Class.forName("org.apache.parquet.hadoop.ParquetWriter", false, loader);
            return true;
        } catch (ClassNotFoundException | LinkageError e) {
            return false;
        }
    }

    /** Fails with one line naming {@code file} when Spark is absent; {@code what} is the task, e.g. "Parquet export". */
    public static void require(Path file, String what) {
        if (!available()) {
            throw new DefectLensException(file, what + " runs under spark-submit: Apache Spark 3.5 is not on the "
                    + "class path of this installation (docs/spark.md)");
        }
    }
}
