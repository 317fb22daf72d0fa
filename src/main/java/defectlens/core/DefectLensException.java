package defectlens.core;

import java.nio.file.Path;

/**
 * An error a user can cause (a missing file, a corrupt image, a CSV without the expected columns, a
 * path escaping the data-set folder...). Its message names the file and what is wrong, so the window
 * can show it in a dialog and the CLI can print it and exit non-zero, without a stack trace.
 */
public class DefectLensException extends RuntimeException {
    private final transient Path file;

    public DefectLensException(Path file, String problem) {
        this(file, problem, null);
    }

    public DefectLensException(Path file, String problem, Throwable cause) {
        super(file == null ? problem : file + ": " + problem, cause);
        this.file = file;
    }

    public DefectLensException(String message) {
        this(null, message, null);
    }

    /** The file the problem is about, or null when it is not about one file. */
    public Path file() {
        return file;
    }
}
