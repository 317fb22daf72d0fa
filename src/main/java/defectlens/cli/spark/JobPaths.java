package defectlens.cli.spark;

import defectlens.core.DefectLensException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The {@code --in} and {@code --out} of a scoring job: Spark paths, so {@code hdfs://}, {@code s3a://} and plain
 * local paths alike. Local paths (no scheme, or {@code file:}) are checked before Spark starts: the input must
 * exist, the output must not unless {@code --force}.
 */
final class JobPaths {
    private JobPaths() {
    }

    /** The local file a Spark path names, or null when it names another file system. */
    static Path local(String sparkPath) {
        if (sparkPath.startsWith("file:")) {
            return Path.of(URI.create(sparkPath));
        }
        return sparkPath.matches("^[A-Za-z][A-Za-z0-9+.-]+://.*") ? null : Path.of(sparkPath);
    }

    /** A Spark master is given (option, spark-submit or spark-defaults): else an error naming {@code file}. */
    static void requireMaster(Path file, String master) {
        if (master == null && System.getProperty("spark.master") == null) {
            throw new DefectLensException(file, "no Spark master: run it with spark-submit, or give --master local[N]");
        }
    }

    static void checkInput(String in) {
        Path p = local(in);
        if (p != null && !Files.exists(p)) {
            throw new DefectLensException(p, "no such file or folder");
        }
    }

    static void checkOutput(String out, boolean force) {
        Path p = local(out);
        if (p != null && Files.exists(p) && !force) {
            throw new DefectLensException(p, "already exists; use --force to replace it");
        }
    }
}
