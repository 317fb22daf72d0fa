package defectlens.review;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import defectlens.core.DefectLensException;
import defectlens.core.OutputFile;
import defectlens.core.UserFolders;
import defectlens.image.NpyFile;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.zip.CRC32C;

/**
 * A model's predictions on a data set, kept on disk so they are computed once: {@code probabilities.npy} (float32,
 * items x classes, a NaN row = not classified yet), {@code labels.npy} (float32 label indices, -1 = unlabelled) and
 * {@code meta.json} (model weights SHA-256, data fingerprint, classes, ids, and the CRC-32C of both arrays). The
 * arrays are written first and {@code meta.json} last, each through a temporary file; a cache whose arrays do not
 * match their checksums (a crash between two writes, a damaged or edited file) is not used, so a prediction is
 * never attributed to a model that did not make it.
 */
public final class PredictionCache {
    public static final String META = "meta.json";
    public static final String PROBABILITIES = "probabilities.npy";
    public static final String LABELS = "labels.npy";
    /** The largest probabilities file read (811,457 items x 64 classes fit). */
    static final long MAX_BYTES = 512L << 20;

    /** What meta.json holds. */
    @JsonIgnoreProperties(ignoreUnknown = true)
    record Meta(int format, String modelSha256, String dataFingerprint, List<String> classes,
            List<String> labelClasses, List<String> ids, int items, int classified, String probabilitiesCrc32c,
            String labelsCrc32c) {
    }

    private PredictionCache() {
    }

    /** Writes the table into {@code dir} (created if needed), replacing an older cache there. */
    public static void save(Path dir, PredictionTable t, String modelSha, String dataFingerprint) {
        byte[] probabilities = NpyFile.encode(t.rows(), t.size(), t.classes().size());
        int[] labelIndex = t.labels();
        float[] labels = new float[labelIndex.length];
        for (int i = 0; i < labels.length; i++) {
            labels[i] = labelIndex[i];
        }
        byte[] labelBytes = NpyFile.encode(labels, labels.length);
        String[] ids = t.ids();
        Meta meta = new Meta(1, modelSha, dataFingerprint, t.classes(), t.labelClasses(),
                ids == null ? null : List.of(ids), t.size(), t.doneCount(), crc32c(probabilities), crc32c(labelBytes));
        try {
            Files.createDirectories(dir);
        } catch (IOException e) {
            throw OutputFile.problem(dir, e);
        }
        OutputFile.write(dir.resolve(PROBABILITIES), true, out -> out.write(probabilities));
        OutputFile.write(dir.resolve(LABELS), true, out -> out.write(labelBytes));
        OutputFile.write(dir.resolve(META), true, out -> ReviewJson.PRETTY.writeValue(out, meta));
    }

    /** What reading a cache found: the table, or null with the reason it cannot be used (null: no cache). */
    public record CacheRead(PredictionTable table, String unusable) {
    }

    /**
     * The cached table when it was made by the model with these weights on the data with this fingerprint;
     * empty when there is no cache, or it belongs to other weights or other data, or its files do not match
     * the checksums meta.json records. A meta.json that cannot be read at all is an error naming it.
     */
    public static Optional<PredictionTable> load(Path dir, String modelSha, String dataFingerprint) {
        return Optional.ofNullable(read(dir, modelSha, dataFingerprint).table());
    }

    /** As {@link #load}, saying why a cache of these weights and data cannot be used (a damaged array). */
    public static CacheRead read(Path dir, String modelSha, String dataFingerprint) {
        Path metaFile = dir.resolve(META);
        if (!Files.isRegularFile(metaFile)) {
            return new CacheRead(null, null);
        }
        Meta meta = readMeta(metaFile);
        if (!modelSha.equals(meta.modelSha256()) || !dataFingerprint.equals(meta.dataFingerprint())) {
            return new CacheRead(null, null);
        }
        byte[] probabilities = readBounded(dir.resolve(PROBABILITIES));
        byte[] labelBytes = readBounded(dir.resolve(LABELS));
        if (probabilities == null || labelBytes == null || !crc32c(probabilities).equals(meta.probabilitiesCrc32c())
                || !crc32c(labelBytes).equals(meta.labelsCrc32c())) {
            return new CacheRead(null, "the cached predictions in " + dir + " are damaged or incomplete (their "
                    + "checksums do not match meta.json) and are not used");
        }
        NpyFile.Array p = NpyFile.decode(dir.resolve(PROBABILITIES), probabilities);
        NpyFile.Array l = NpyFile.decode(dir.resolve(LABELS), labelBytes);
        int n = meta.items();
        int c = meta.classes() == null ? 0 : meta.classes().size();
        if (n < 0 || c == 0 || l.data().length != n || p.data().length != (long) n * c
                || (meta.ids() != null && meta.ids().size() != n) || meta.labelClasses() == null) {
            throw new DefectLensException(metaFile, "the cached predictions do not match their description ("
                    + n + " items of " + c + " classes)");
        }
        int[] labels = new int[n];
        for (int i = 0; i < n; i++) {
            float v = l.data()[i];
            if (v != Math.rint(v) || v < -1 || v >= meta.labelClasses().size()) {
                throw new DefectLensException(dir.resolve(LABELS), "label index " + v + " of item " + i
                        + " is not one of the " + meta.labelClasses().size() + " label classes");
            }
            labels[i] = (int) v;
        }
        String[] ids = meta.ids() == null ? null : meta.ids().toArray(new String[0]);
        try {
            return new CacheRead(PredictionTable.of(meta.classes(), meta.labelClasses(), ids, labels, p.data()), null);
        } catch (IllegalArgumentException e) {
            throw new DefectLensException(dir.resolve(PROBABILITIES), "not a table of probabilities: "
                    + e.getMessage());
        }
    }

    private static Meta readMeta(Path metaFile) {
        try {
            if (Files.size(metaFile) > MAX_BYTES) {
                throw new DefectLensException(metaFile, "too large for predictions metadata");
            }
            Meta m = ReviewJson.PRETTY.readValue(metaFile.toFile(), Meta.class);
            if (m == null || m.modelSha256() == null || m.dataFingerprint() == null) {
                throw new DefectLensException(metaFile, "not predictions metadata (model or data fingerprint missing)");
            }
            return m;
        } catch (IOException e) {
            throw new DefectLensException(metaFile, "cannot read the predictions metadata: " + e.getMessage(), e);
        }
    }

    private static byte[] readBounded(Path file) {
        try {
            if (!Files.isRegularFile(file) || Files.size(file) > MAX_BYTES) {
                return null;
            }
            return Files.readAllBytes(file);
        } catch (IOException e) {
            throw new DefectLensException(file, "cannot read the cached predictions: " + e.getMessage(), e);
        }
    }

    /**
     * Where the predictions of a model on a data set opened without a review are kept:
     * {@code <cache>/defectlens/predictions/<data>-<model>}, with {@code <cache>} the system property
     * {@code defectlens.cache}, else {@code predictions/<data>-<model>} in the user's cache folder
     * ({@link UserFolders#cache()}: {@code $XDG_CACHE_HOME/defectlens} on Linux). Null when the property is
     * {@code none} (the tests turn the user cache off so that no test sees another's predictions).
     */
    public static Path userCacheDir(String dataFingerprint, String modelSha) {
        String base = System.getProperty("defectlens.cache");
        if ("none".equals(base)) {
            return null;
        }
        String leaf = shortHash(dataFingerprint) + "-" + shortHash(modelSha);
        if (base == null || base.isBlank()) {
            return UserFolders.current().cache().resolve("predictions").resolve(leaf);
        }
        return Path.of(base, "defectlens", "predictions", leaf);
    }

    private static String shortHash(String s) {
        String hex = s.substring(s.indexOf(':') + 1).toLowerCase(Locale.ROOT).replaceAll("[^0-9a-f]", "");
        return hex.length() >= 16 ? hex.substring(0, 16) : sha256(s.getBytes(java.nio.charset.StandardCharsets.UTF_8))
                .substring(0, 16);
    }

    /** The CRC-32C of the bytes (hardware-assisted: 29 MB in a few milliseconds even in a fresh JVM). */
    static String crc32c(byte[] bytes) {
        CRC32C c = new CRC32C();
        c.update(bytes, 0, bytes.length);
        return String.format(Locale.ROOT, "%08x", c.getValue());
    }

    static String sha256(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
