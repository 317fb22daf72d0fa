package defectlens.review;

import defectlens.core.DefectLensException;
import defectlens.dataset.SemDataset;
import defectlens.dataset.SemSample;
import defectlens.model.FileDigest;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * What identifies a data set's content, so cached predictions are used only on the data they were made on.
 * A wafer file: the SHA-256 of its bytes. A SEM data set: the SHA-256 over every sample in order (id, label, and
 * the SHA-256 of its image and mask files), so moving the folder keeps it and changing one pixel or one label
 * does not. The {@link #stamp} (sizes and modification times) is cheap: when it is unchanged the data is taken as
 * unchanged without reading every byte again.
 */
public final class DataFingerprint {
    private DataFingerprint() {
    }

    /** The content fingerprint of a wafer file, {@code sha256:<hex>}. */
    public static String of(Path waferFile) {
        try {
            return "sha256:" + FileDigest.sha256(waferFile);
        } catch (IOException e) {
            throw new DefectLensException(waferFile, "cannot read the data file: " + e.getMessage(), e);
        }
    }

    /** The content fingerprint of a SEM data set, {@code sha256:<hex>}. */
    public static String of(SemDataset data) {
        MessageDigest d = sha256();
        for (SemSample s : data.samples()) {
            add(d, s.id());
            add(d, String.valueOf(s.label()));
            add(d, hashOf(s.image()));
            add(d, s.mask() == null ? "-" : hashOf(s.mask()));
        }
        return "sha256:" + HexFormat.of().formatHex(d.digest());
    }

    /** Size and modification time of a wafer file. */
    public static String stamp(Path waferFile) {
        return "file:" + statOf(waferFile);
    }

    /** Sizes and modification times of every image and mask of a SEM data set, hashed. */
    public static String stamp(SemDataset data) {
        MessageDigest d = sha256();
        for (SemSample s : data.samples()) {
            add(d, s.id());
            add(d, String.valueOf(s.label()));
            add(d, statOf(s.image()));
            add(d, s.mask() == null ? "-" : statOf(s.mask()));
        }
        return "stat:" + data.size() + ":" + HexFormat.of().formatHex(d.digest());
    }

    private static String statOf(Path file) {
        try {
            BasicFileAttributes a = Files.readAttributes(file, BasicFileAttributes.class);
            return a.size() + "@" + a.lastModifiedTime().toMillis();
        } catch (IOException e) {
            throw new DefectLensException(file, "cannot read the data file: " + e.getMessage(), e);
        }
    }

    private static String hashOf(Path file) {
        try {
            return FileDigest.sha256(file);
        } catch (IOException e) {
            throw new DefectLensException(file, "cannot read the data file: " + e.getMessage(), e);
        }
    }

    private static void add(MessageDigest d, String s) {
        d.update(s.getBytes(StandardCharsets.UTF_8));
        d.update((byte) 0);
    }

    private static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
