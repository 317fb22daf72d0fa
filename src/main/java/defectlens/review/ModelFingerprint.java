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
}
