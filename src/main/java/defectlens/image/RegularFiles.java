package defectlens.image;

import defectlens.core.DefectLensException;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.HashSet;
import java.util.Set;

/**
 * Reads user-named files only when they are regular files: a named pipe would block a reader for
 * ever, {@code /dev/zero} would fill the heap and a folder has no bytes, so each is refused up front
 * with a message saying what the path is. A symbolic link loop is named as such, not as a missing file.
 */
public final class RegularFiles {
    /** The largest file read into one byte array (a Java array holds at most about 2^31 bytes). */
    public static final long MAX_BYTES = Integer.MAX_VALUE - 16L;

    private static final int MAX_LINK_HOPS = 40;

    private RegularFiles() {
    }

    /** Checks that {@code file} (after following links) is a regular file and returns its size in bytes. */
    public static long requireRegularFile(Path file) {
        BasicFileAttributes attrs;
        try {
            attrs = Files.readAttributes(file, BasicFileAttributes.class);
        } catch (NoSuchFileException e) {
            throw new DefectLensException(file, Files.isSymbolicLink(file)
                    ? "symbolic link to a file that does not exist" : "file not found", e);
        } catch (FileSystemException e) {
            if (isLinkLoop(file)) {
                throw new DefectLensException(file, "symbolic link loop (the link points back to itself)", e);
            }
            throw new DefectLensException(file, "cannot be read: " + reason(e), e);
        } catch (IOException e) {
            throw new DefectLensException(file, "cannot be read: " + e.getMessage(), e);
        }
        if (attrs.isDirectory()) {
            throw new DefectLensException(file, "is a folder, not a file");
        }
        if (!attrs.isRegularFile()) {
            throw new DefectLensException(file, "is not a regular file (a named pipe, device or socket); "
                    + "only regular files are read");
        }
        if (attrs.size() > MAX_BYTES) {
            throw new DefectLensException(file, "is " + attrs.size() + " bytes, more than the " + MAX_BYTES
                    + " bytes one file may have");
        }
        return attrs.size();
    }

    /** The whole content of a regular, non-empty file. */
    public static byte[] readAllBytes(Path file) {
        requireRegularFile(file);
        byte[] bytes;
        try {
            bytes = Files.readAllBytes(file);
        } catch (IOException e) {
            throw new DefectLensException(file, "cannot be read: " + e.getMessage(), e);
        }
        if (bytes.length == 0) {
            throw new DefectLensException(file, "the file is empty");
        }
        return bytes;
    }

    /**
     * The whole content of a regular, non-empty file as UTF-8 text without a leading byte-order mark; bytes that
     * are not UTF-8 end in "{@code what} is not UTF-8 text" (e.g. "the CSV is not UTF-8 text").
     */
    public static String readUtf8Text(Path file, String what) {
        try {
            String text = StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(readAllBytes(file)))
                    .toString();
            return text.startsWith("\uFEFF") ? text.substring(1) : text;
        } catch (CharacterCodingException e) {
            throw new DefectLensException(file, what + " is not UTF-8 text", e);
        }
    }

    /** Whether following the symbolic links from {@code file} comes back to a link already seen. */
    public static boolean isLinkLoop(Path file) {
        Set<Path> seen = new HashSet<>();
        Path p = file.toAbsolutePath().normalize();
        for (int hop = 0; hop < MAX_LINK_HOPS; hop++) {
            Path parentReal;
            try {
                Path parent = p.getParent();
                parentReal = parent == null ? null : parent.toRealPath();
            } catch (IOException e) {
                return e instanceof FileSystemException && !(e instanceof NoSuchFileException);
            }
            Path here = parentReal == null ? p : parentReal.resolve(p.getFileName());
            if (!Files.isSymbolicLink(here)) {
                return false;
            }
            if (!seen.add(here)) {
                return true;
            }
            try {
                p = here.resolveSibling(Files.readSymbolicLink(here)).normalize();
            } catch (IOException e) {
                return false;
            }
        }
        return Files.exists(file, LinkOption.NOFOLLOW_LINKS);
    }

    private static String reason(FileSystemException e) {
        return e.getReason() != null ? e.getReason() : e.getMessage();
    }
}
