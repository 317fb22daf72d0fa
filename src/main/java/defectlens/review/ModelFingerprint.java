package defectlens.review;

import defectlens.core.DefectLensException;
import defectlens.model.FileDigest;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import java.util.stream.Stream;

/**
 * The SHA-256 that identifies a model bundle's weights: over the names and SHA-256 of every regular file in the
 * bundle folder (model.json and the weights), in name order. Retrained or re-imported weights, or other classes,
 * give another hash, and predictions cached for the old one are no longer used.
 */
public final class ModelFingerprint {
    private ModelFingerprint() {
    }

    public static String of(Path bundleDir) {
        if (!Files.isDirectory(bundleDir)) {
            throw new DefectLensException(bundleDir, "model bundle folder not found");
        }
        try (Stream<Path> files = Files.list(bundleDir)) {
            List<Path> sorted = files.filter(Files::isRegularFile).filter(f -> !f.getFileName().toString().startsWith("."))
                    .sorted().toList();
            MessageDigest d = MessageDigest.getInstance("SHA-256");
            for (Path f : sorted) {
                d.update((f.getFileName() + "\0" + FileDigest.sha256(f) + "\n").getBytes(StandardCharsets.UTF_8));
            }
            return HexFormat.of().formatHex(d.digest());
        } catch (IOException e) {
            throw new DefectLensException(bundleDir, "cannot read the model bundle: " + e.getMessage(), e);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Names, sizes and modification times of the bundle's files, hashed: changes whenever a file does. */
    public static String stamp(Path bundleDir) {
        try (Stream<Path> files = Files.list(bundleDir)) {
            StringBuilder s = new StringBuilder();
            for (Path f : files.filter(Files::isRegularFile).filter(f -> !f.getFileName().toString().startsWith("."))
                    .sorted().toList()) {
                s.append(f.getFileName()).append('\0').append(Files.size(f)).append('@')
                        .append(Files.getLastModifiedTime(f).toMillis()).append('\n');
            }
            return "stat:" + HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                    .digest(s.toString().getBytes(StandardCharsets.UTF_8)));
        } catch (IOException e) {
            throw new DefectLensException(bundleDir, "cannot read the model bundle: " + e.getMessage(), e);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The weights hash of the review's model as it is now: the recorded one when the stamp is unchanged. */
    public static String current(ReviewFolder review) {
        ModelRef m = review.definition().model();
        Path dir = review.modelPath();
        if (!Files.isDirectory(dir)) {
            throw new DefectLensException(dir, "the review's model bundle folder is missing");
        }
        return m.stamp() != null && m.stamp().equals(stamp(dir)) ? m.weightsSha256() : of(dir);
    }
}
