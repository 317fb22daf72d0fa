package defectlens.dataset;

import defectlens.DefectLensException;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;

/**
 * Resolves paths written in a data-set CSV: relative to the CSV's folder, and never outside the
 * data-set folder. An absolute path or one that climbs out with {@code ../} is refused, so a crafted
 * CSV cannot make the workbench read (or later write) files elsewhere.
 */
public final class DatasetPaths {
    private DatasetPaths() {
    }

    public static Path resolveInside(Path datasetRoot, Path csv, int line, String column, String written) {
        String where = "line " + line + ", column " + column;
        if (written == null || written.isBlank()) {
            throw new DefectLensException(csv, where + ": the path is empty");
        }
        Path rel;
        try {
            rel = Path.of(written.trim().replace('\\', '/'));
        } catch (InvalidPathException e) {
            throw new DefectLensException(csv, where + ": invalid path '" + written + "'");
        }
        if (rel.isAbsolute() || written.trim().startsWith("/") || written.trim().matches("^[A-Za-z]:.*")) {
            throw new DefectLensException(csv, where + ": absolute path '" + written
                    + "' refused (paths must be relative to the CSV and stay inside " + datasetRoot + ")");
        }
        Path root = datasetRoot.toAbsolutePath().normalize();
        Path resolved = csv.toAbsolutePath().getParent().resolve(rel).normalize();
        if (!resolved.startsWith(root)) {
            throw new DefectLensException(csv, where + ": path '" + written
                    + "' escapes the data-set folder " + root);
        }
        return resolved;
    }
}
