package defectlens.core;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

/**
 * Finds what ships with the program ({@code datasets/...}, {@code models/...}): relative to the working
 * directory, to the folder above {@code target/} where the jar lives (a source checkout), or beside the jar (the
 * installed program: {@code lib/app/} of the app image).
 */
public final class ShippedFiles {
    private ShippedFiles() {
    }

    public static Optional<Path> find(String relative) {
        for (Path p : candidates(relative)) {
            if (Files.exists(p)) {
                return Optional.of(p);
            }
        }
        return Optional.empty();
    }

    private static List<Path> candidates(String relative) {
        Path cwd = Path.of(relative);
        try {
            Path jar = Path.of(ShippedFiles.class.getProtectionDomain().getCodeSource().getLocation().toURI());
            return List.of(cwd, jar.getParent().getParent().resolve(relative), jar.getParent().resolve(relative));
        } catch (Exception e) {
            return List.of(cwd);
        }
    }
}
