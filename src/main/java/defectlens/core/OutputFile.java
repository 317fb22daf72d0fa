package defectlens.core;

import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.AccessDeniedException;
import java.nio.file.DirectoryStream;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.NotDirectoryException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.Locale;
import java.util.concurrent.ThreadLocalRandom;

/**
 * Writes an output file so that a failure leaves no trace: an existing file is only replaced with
 * {@code --force}; the content goes to a temporary file in the same folder (named
 * {@code .NAME.partXXXX.EXT}, keeping the extension for writers that choose the format by it), which
 * is forced to disk and moved into place atomically; on any failure the temporary file is removed
 * and the target is untouched. Every I/O problem (no such folder, a read-only folder, a folder where a
 * file should be, a full disk) ends in one {@link DefectLensException} naming the target.
 */
public final class OutputFile {
    private OutputFile() {
    }

    /** Writes the content through a stream. */
    @FunctionalInterface
    public interface StreamContent {
        void writeTo(OutputStream out) throws IOException;
    }

    /** Writes the content into a given file (for writers that only take a path, e.g. OpenCV). */
    @FunctionalInterface
    public interface FileContent {
        void writeTo(Path file) throws IOException;
    }

    /** Writes a text file (UTF-8). */
    public static void writeString(Path target, boolean force, String text) {
        write(target, force, out -> out.write(text.getBytes(StandardCharsets.UTF_8)));
    }

    /** Writes a file through a stream. */
    public static void write(Path target, boolean force, StreamContent content) {
        try (Pending p = begin(target, force)) {
            try {
                content.writeTo(p.stream());
            } catch (IOException e) {
                throw problem(p.target(), e);
            }
            p.commit();
        }
    }

    /** Writes a file by letting {@code content} write a temporary file that is then moved into place. */
    public static void writeFile(Path target, boolean force, FileContent content) {
        try (Pending p = begin(target, force)) {
            try {
                content.writeTo(p.temporary());
            } catch (IOException e) {
                throw problem(p.target(), e);
            }
            p.commit();
        }
    }

    /**
     * Starts writing {@code target} (checked by {@link #checkTarget}) for writers that run long or write
     * piece by piece: write to {@link Pending#stream()} or {@link Pending#temporary()}, then
     * {@link Pending#commit()}; closing without a commit removes the temporary file.
     */
    public static Pending begin(Path target, boolean force) {
        Path t = checkTarget(target, force);
        return new Pending(t, temporarySibling(t), force);
    }

    /** An output being written to its temporary file. */
    public static final class Pending implements AutoCloseable {
        private final Path target;
        private final Path temporary;
        private final boolean force;
        private OutputStream stream;
        private boolean committed;

        private Pending(Path target, Path temporary, boolean force) {
            this.target = target;
            this.temporary = temporary;
            this.force = force;
        }

        public Path target() {
            return target;
        }

        /** The temporary file in the target's folder (not created until written). */
        public Path temporary() {
            return temporary;
        }

        /** A buffered stream into the temporary file, opened on first use. */
        public OutputStream stream() {
            if (stream == null) {
                try {
                    stream = new BufferedOutputStream(Files.newOutputStream(temporary));
                } catch (IOException e) {
                    throw problem(target, e);
                }
            }
            return stream;
        }

        /** Closes the stream, forces the temporary file to disk and moves it into place. */
        public void commit() {
            try {
                if (stream != null) {
                    stream.close();
                }
                if (!Files.isRegularFile(temporary)) {
                    throw new DefectLensException(target, "cannot write: the writer produced no file");
                }
                forceToDisk(temporary);
                if (force) {
                    Files.move(temporary, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
                } else {
                    Files.move(temporary, target, StandardCopyOption.ATOMIC_MOVE);
                }
                committed = true;
            } catch (IOException e) {
                throw problem(target, e);
            } catch (UncheckedIOException e) {
                throw problem(target, e.getCause());
            }
        }

        /** Without a commit: closes the stream and removes the temporary file. */
        @Override
        public void close() {
            if (committed) {
                return;
            }
            if (stream != null) {
                try {
                    stream.close();
                } catch (IOException ignored) {
                    // the partial file is removed below
                }
            }
            deleteQuietly(temporary);
        }
    }

    /**
     * Checks that a file may be written at {@code target}: not a folder, not an existing file without
     * {@code force}, and its folder exists or can be made. Returns the absolute, normalised target.
     */
    public static Path checkTarget(Path target, boolean force) {
        Path t = target.toAbsolutePath().normalize();
        if (Files.isDirectory(t)) {
            throw new DefectLensException(t, "is a folder; give a file name to write");
        }
        if (Files.exists(t) && !force) {
            throw new DefectLensException(t, "already exists; use --force to replace it");
        }
        if (Files.exists(t) && !Files.isRegularFile(t)) {
            throw new DefectLensException(t, "is not a regular file and cannot be replaced");
        }
        makeFolder(t, t.getParent());
        return t;
    }

    /**
     * Prepares an output folder: creates it, or with an existing folder requires it to be empty unless
     * {@code force}; refuses a file in its place and a folder that cannot be written. Returns the
     * absolute, normalised folder.
     */
    public static Path prepareFolder(Path folder, boolean force) {
        Path d = checkFolder(folder, force);
        makeFolder(d, d);
        Path probe = temporarySibling(d.resolve(".write-check"));
        try {
            Files.createFile(probe);
        } catch (IOException e) {
            throw problem(d, e);
        } finally {
            deleteQuietly(probe);
        }
        return d;
    }

    /**
     * Checks, without creating anything, that {@code folder} may be written into: no file in its place or
     * on its path, and empty unless {@code force}. Returns the absolute, normalised folder.
     */
    public static Path checkFolder(Path folder, boolean force) {
        Path d = folder.toAbsolutePath().normalize();
        if (Files.exists(d) && !Files.isDirectory(d)) {
            throw new DefectLensException(d, "is a file; give a folder to write into");
        }
        refuseFileOnPath(d, d.getParent());
        if (Files.isDirectory(d) && !force && !isEmpty(d)) {
            throw new DefectLensException(d, "the folder is not empty; use --force to write into it");
        }
        return d;
    }

    /** Turns an I/O failure while writing {@code target} into one clear message naming it. */
    public static DefectLensException problem(Path target, IOException e) {
        return new DefectLensException(target, "cannot write: " + reason(e), e);
    }

    /** A short reason for an I/O failure: "permission denied", "no space left on the disk", ... */
    public static String reason(IOException e) {
        String text = e.getMessage() == null ? "" : e.getMessage();
        if (e instanceof FileSystemException fs && fs.getReason() != null) {
            text = fs.getReason();
        }
        String lower = text.toLowerCase(Locale.ROOT);
        if (lower.contains("no space") || lower.contains("disk full") || lower.contains("quota")) {
            return "no space left on the disk";
        }
        if (e instanceof AccessDeniedException || lower.contains("permission denied")
                || lower.contains("read-only file system")) {
            return "permission denied" + (lower.contains("read-only") ? " (read-only file system)" : "");
        }
        if (e instanceof NotDirectoryException || lower.contains("not a directory")) {
            return "a part of the path is a file, not a folder";
        }
        if (e instanceof NoSuchFileException) {
            return "the folder does not exist";
        }
        if (e instanceof FileAlreadyExistsException) {
            return "a file is in the way: " + ((FileAlreadyExistsException) e).getFile();
        }
        if (lower.contains("is a directory")) {
            return "a folder is in the way";
        }
        return text.isBlank() ? e.getClass().getSimpleName() : text;
    }

    /** Creates {@code folder} (for {@code target}), refusing a path through a regular file. */
    private static void makeFolder(Path target, Path folder) {
        refuseFileOnPath(target, folder);
        try {
            Files.createDirectories(folder);
        } catch (IOException e) {
            throw problem(target, e);
        }
    }

    /** Refuses a regular file at {@code folder} or at any of its ancestors up to the first existing folder. */
    private static void refuseFileOnPath(Path target, Path folder) {
        for (Path p = folder; p != null && !Files.isDirectory(p); p = p.getParent()) {
            if (Files.exists(p)) {
                throw new DefectLensException(target, "cannot write: " + p + " is a file, not a folder");
            }
        }
    }

    private static boolean isEmpty(Path dir) {
        try (DirectoryStream<Path> ds = Files.newDirectoryStream(dir)) {
            return !ds.iterator().hasNext();
        } catch (IOException e) {
            throw new DefectLensException(dir, "cannot list the folder: " + reason(e), e);
        }
    }

    static Path temporarySibling(Path target) {
        String name = target.getFileName().toString();
        int dot = name.lastIndexOf('.');
        String base = dot > 0 ? name.substring(0, dot) : name;
        String ext = dot > 0 ? name.substring(dot) : "";
        String part = Integer.toHexString(ThreadLocalRandom.current().nextInt(0x10000, 0xfffff));
        return target.resolveSibling("." + base + ".part" + part + ext);
    }

    private static void forceToDisk(Path file) throws IOException {
        try (FileChannel ch = FileChannel.open(file, StandardOpenOption.WRITE)) {
            ch.force(true);
        }
    }

    private static void deleteQuietly(Path file) {
        try {
            Files.deleteIfExists(file);
        } catch (IOException ignored) {
            // the partial file has a hidden name; nothing reads it
        }
    }
}
