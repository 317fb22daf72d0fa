package defectlens.study;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

/** Explanation pictures stored in a study folder as {@code explanations/<method>/<image id>.png}. */
public final class FolderExplanationSource implements ExplanationSource {
    private final Path root;

    public FolderExplanationSource(Path studyDir) {
        this.root = studyDir.resolve("explanations");
    }

    @Override
    public Optional<Path> explanationFor(String method, String imageId) {
        Path p = root.resolve(method).resolve(imageId + ".png").normalize();
        return p.startsWith(root) && Files.isRegularFile(p) ? Optional.of(p) : Optional.empty();
    }
}
