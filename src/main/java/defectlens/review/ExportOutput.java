package defectlens.review;

import defectlens.core.DefectLensException;
import defectlens.core.OutputFile;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Comparator;
import java.util.concurrent.ThreadLocalRandom;
import java.util.stream.Stream;

/**
 * Where an export of a review goes: a new file or a new (or empty) folder, never anything that exists. A folder is
 * written as a hidden sibling first and moved into place at the end, so a failed export leaves nothing behind.
 */
final class ExportOutput {
    /** Fills a folder. */
    @FunctionalInterface
    interface FolderContent {
        void writeInto(Path folder) throws IOException;
    }

    private ExportOutput() {
    }

    /**
     * The absolute path of {@code out} with its existing folders resolved to their real paths (creating missing
     * parent folders), so that relative paths computed from it lead where they say.
     */
    static Path physical(Path out) {
        Path d = out.toAbsolutePath().normalize();
        if (d.getParent() == null) {
            throw new DefectLensException(d, "cannot export into the root of a file system");
        }
        Path parent = OutputFile.prepareFolder(d.getParent(), true);
        try {
            return parent.toRealPath().resolve(d.getFileName());
        } catch (IOException e) {
            throw OutputFile.problem(d, e);
        }
    }

    /** Refuses an existing file: an export never overwrites. Returns the absolute, normalised path. */
    static Path requireNewFile(Path out) {
        Path f = out.toAbsolutePath().normalize();
        if (Files.exists(f, LinkOption.NOFOLLOW_LINKS)) {
            throw new DefectLensException(f, "already exists; an export never overwrites anything, choose a new "
                    + "file name");
        }
        return f;
    }

    /**
     * Writes a folder at {@code out}, which must not exist or be empty: the content goes to a hidden sibling that
     * is moved into place when complete (and removed on failure).
     */
    static Path writeFolder(Path out, FolderContent content) {
        Path d = out.toAbsolutePath().normalize();
        if (Files.exists(d, LinkOption.NOFOLLOW_LINKS) && !(Files.isDirectory(d, LinkOption.NOFOLLOW_LINKS)
                && isEmpty(d))) {
            throw new DefectLensException(d, "is not empty; an export never overwrites anything, choose a new or "
                    + "empty folder");
        }
        Path parent = OutputFile.prepareFolder(d.getParent(), true);
        Path tmp = parent.resolve("." + d.getFileName() + ".part" + ThreadLocalRandom.current().nextInt(1 << 20));
        try {
            Files.createDirectory(tmp);
            content.writeInto(tmp);
            Files.deleteIfExists(d);
            Files.move(tmp, d, StandardCopyOption.ATOMIC_MOVE);
            return d;
        } catch (IOException e) {
            throw OutputFile.problem(d, e);
        } finally {
            deleteTree(tmp);
        }
    }

    private static boolean isEmpty(Path dir) {
        try (Stream<Path> s = Files.list(dir)) {
            return s.findAny().isEmpty();
        } catch (IOException e) {
            throw OutputFile.problem(dir, e);
        }
    }

    private static void deleteTree(Path dir) {
        if (!Files.exists(dir, LinkOption.NOFOLLOW_LINKS)) {
            return;
        }
        try (Stream<Path> s = Files.walk(dir)) {
            s.sorted(Comparator.reverseOrder()).forEach(p -> {
                try {
                    Files.deleteIfExists(p);
                } catch (IOException ignored) {
                    // a left-over hidden .part folder is harmless and named for what it is
                }
            });
        } catch (IOException ignored) {
            // as above
        }
    }
}
