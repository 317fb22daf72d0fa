package defectlens.dataset;

import java.nio.file.Path;

/**
 * A sample a batch run left out because its file could not be read, with the reason (the one-line
 * error that reading it gave, naming the file). Batch commands report these and carry on.
 */
public record SkippedSample(String id, Path file, String reason) {
}
