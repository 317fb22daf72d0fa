package defectlens.study;

import java.nio.file.Path;
import java.util.Optional;

/**
 * Where the rating window finds the explanation picture of a method for an image. The study folder
 * ({@link FolderExplanationSource}) is the first source; the GradCAM/CRAFT explainers plug in here.
 */
public interface ExplanationSource {
    /** The picture (PNG) of {@code method}'s explanation of image {@code imageId}, if there is one. */
    Optional<Path> explanationFor(String method, String imageId);
}
