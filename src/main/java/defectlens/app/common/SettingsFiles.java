package defectlens.app.common;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import defectlens.core.UserFolders;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The small JSON files of the user's settings folder ({@link UserFolders#config()}: recent items, settings):
 * read leniently (an unreadable file is ignored with a warning) and written atomically (a temporary file moved over
 * the old one), so a crash never leaves half a file.
 */
final class SettingsFiles {
    private static final Logger LOG = LoggerFactory.getLogger(SettingsFiles.class);

    private SettingsFiles() {
    }

    /** The file's content, or empty when it does not exist or cannot be read. */
    static <T> Optional<T> read(Path file, TypeReference<T> type) {
        if (!Files.isRegularFile(file)) {
            return Optional.empty();
        }
        try {
            return Optional.ofNullable(new ObjectMapper().readValue(file.toFile(), type));
        } catch (IOException e) {
            LOG.warn("ignoring unreadable settings file {}: {}", file, e.getMessage());
            return Optional.empty();
        }
    }

    /** Writes {@code value} as JSON; a failure is logged, the window goes on. */
    static void write(Path file, Object value) {
        try {
            Files.createDirectories(file.getParent());
            Path tmp = file.resolveSibling(file.getFileName() + ".tmp");
            new ObjectMapper().writeValue(tmp.toFile(), value);
            Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            LOG.warn("cannot save the settings file {}: {}", file, e.getMessage());
        }
    }
}
