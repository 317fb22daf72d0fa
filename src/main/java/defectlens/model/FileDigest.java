package defectlens.model;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/** The SHA-256 of a file's bytes, as provenance records it (a file name and its hash, never a machine path). */
public final class FileDigest {
    private FileDigest() {
    }

    /** Lower-case hex SHA-256 of the file's content. */
    public static String sha256(Path file) throws IOException {
        try (InputStream in = Files.newInputStream(file)) {
            MessageDigest digest = MessageDigest.getInstance("SHA-256");
            byte[] buffer = new byte[1 << 16];
            for (int n; (n = in.read(buffer)) > 0; ) {
                digest.update(buffer, 0, n);
            }
            return HexFormat.of().formatHex(digest.digest());
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** "{@code name (sha256 HEX)}" of a file, for provenance text. */
    public static String describe(Path file) throws IOException {
        return file.getFileName() + " (sha256 " + sha256(file) + ")";
    }
}
