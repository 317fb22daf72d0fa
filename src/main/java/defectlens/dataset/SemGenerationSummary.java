package defectlens.dataset;

import java.nio.file.Path;
import java.util.Map;

/**
 * What one run of the {@link SemGenerator} wrote: the {@code data} folder, the number of images and
 * masks, and the count per class.
 */
public record SemGenerationSummary(Path dataDir, int images, Map<CarinthiaClass, Integer> classes, int masks) {
}
