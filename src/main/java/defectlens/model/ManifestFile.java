package defectlens.model;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import defectlens.core.DefectLensException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The one reader of a model bundle's {@code model.json}, for SEM classifiers ({@link ModelBundle}) and wafer
 * networks alike: finds the file in the bundle folder and parses it, and every problem (no folder, no file, no
 * JSON) ends in a {@link DefectLensException} naming the folder or the file. What the fields mean is the
 * bundle kind's business.
 */
public final class ManifestFile {
    /** The file name of a bundle's description. */
    public static final String NAME = "model.json";

    private static final ObjectMapper MAPPER = new ObjectMapper();

    private ManifestFile() {
    }

    /** The parsed {@code DIR/model.json}. */
    public static JsonNode read(Path dir) {
        Path file = locate(dir);
        try {
            JsonNode root = MAPPER.readTree(file.toFile());
            if (root == null || !root.isObject()) {
                throw new DefectLensException(file, "not a valid model.json (expected one JSON object)");
            }
            return root;
        } catch (IOException e) {
            throw new DefectLensException(file, "not a valid model.json (" + firstLine(e) + ")", e);
        }
    }

    /** {@code DIR/model.json} read as {@code type}. */
    public static <T> T read(Path dir, Class<T> type) {
        Path file = locate(dir);
        try {
            return MAPPER.readValue(file.toFile(), type);
        } catch (IOException | IllegalArgumentException e) {
            throw new DefectLensException(file, "not a valid model.json (" + firstLine(e) + ")", e);
        }
    }

    private static Path locate(Path dir) {
        if (!Files.isDirectory(dir)) {
            throw new DefectLensException(dir, "not a model bundle folder (no such folder to hold a model.json)");
        }
        Path file = dir.resolve(NAME);
        if (!Files.isRegularFile(file)) {
            throw new DefectLensException(file, "missing: a model bundle needs model.json beside its weights");
        }
        return file;
    }

    /** The first line of an exception's message (Jackson's run over several lines). */
    static String firstLine(Throwable e) {
        String msg = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
        int nl = msg.indexOf('\n');
        return nl < 0 ? msg : msg.substring(0, nl);
    }
}
