package defectlens.app.common;

import java.nio.file.Path;
import java.util.Optional;

/** The window's name for {@link defectlens.core.ShippedFiles} (the CLI finds the shipped bundles the same way). */
public final class ShippedFiles {
    private ShippedFiles() {
    }

    public static Optional<Path> find(String relative) {
        return defectlens.core.ShippedFiles.find(relative);
    }
}
