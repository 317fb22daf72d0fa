package defectlens.dataset;

import java.nio.file.Path;
import java.util.Optional;

/**
 * One image of a data set as listed (nothing is read until it is shown): its id (file name without
 * extension), image file, optional ground-truth mask file and optional class label.
 */
public record SemSample(String id, Path image, Path mask, String label) {
    public Optional<Path> maskFile() {
        return Optional.ofNullable(mask);
    }

    public Optional<String> labelName() {
        return Optional.ofNullable(label);
    }

    public String fileName() {
        return image.getFileName().toString();
    }
}
