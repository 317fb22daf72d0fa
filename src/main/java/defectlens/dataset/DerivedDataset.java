package defectlens.dataset;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import defectlens.core.DefectLensException;
import defectlens.core.OutputFile;
import defectlens.image.RegularFiles;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.Set;

/**
 * A data set made from another one that refers to that one's images instead of copying them (corrected labels
 * exported by a review: a Carinthia CSV whose image paths lead to the source's images, or class folders of
 * symbolic links). Its folder holds {@code derived.json} naming the source data-set folder (relative to the
 * derived folder, or absolute). Such a data set may refer to a file outside its own folder only when the source
 * data set itself lists that file as one of its images or masks (compared by real path); everything else stays
 * confined to the folder as {@link DatasetPaths} says. A source may itself be derived, to a depth of
 * {@value #MAX_DEPTH}.
 */
public final class DerivedDataset {
    /** The marker file in the derived data set's folder. */
    public static final String MARKER = "derived.json";
    /** How many derived data sets may stand on each other (more is taken for a loop). */
    public static final int MAX_DEPTH = 8;
    private static final long MAX_MARKER_BYTES = 64 * 1024;
    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT)
            .configure(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES, false);
    private static final ThreadLocal<Integer> DEPTH = ThreadLocal.withInitial(() -> 0);

    /** What {@code derived.json} holds: format 1, the source folder, and free provenance (e.g. the review). */
    public record Marker(int format, String source, String derivedBy) {
    }

    private DerivedDataset() {
    }

    /**
     * Writes {@code derived.json} into {@code folder}, naming {@code sourceRoot} by its path relative to the folder
     * (absolute when there is none, e.g. another drive).
     */
    public static void write(Path folder, Path sourceRoot, String derivedBy) {
        Path from = folder.toAbsolutePath().normalize();
        Path to = sourceRoot.toAbsolutePath().normalize();
        String source;
        try {
            source = from.relativize(to).toString().replace('\\', '/');
        } catch (IllegalArgumentException e) {
            source = to.toString();
        }
        Marker m = new Marker(1, source.isEmpty() ? "." : source, derivedBy);
        OutputFile.write(from.resolve(MARKER), false, out -> JSON.writeValue(out, m));
    }

    /**
     * The real paths of the images and masks that a data set at {@code root} may refer to outside its folder:
     * empty when it has no {@code derived.json}, else every image and mask its source lists.
     */
    static Set<Path> sourceFiles(Path root) {
        Path marker = root.resolve(MARKER);
        if (!Files.exists(marker, LinkOption.NOFOLLOW_LINKS)) {
            return Set.of();
        }
        Path source = source(root, marker);
        int depth = DEPTH.get();
        if (depth >= MAX_DEPTH) {
            throw new DefectLensException(marker, "derived data sets stand on each other more than " + MAX_DEPTH
                    + " deep (do two name each other as source?)");
        }
        SemDataset data;
        DEPTH.set(depth + 1);
        try {
            data = DatasetOpener.open(source);
        } catch (DefectLensException e) {
            throw new DefectLensException(marker, "the source data set " + source + " does not open: "
                    + e.getMessage(), e);
        } finally {
            DEPTH.set(depth);
        }
        Set<Path> files = new HashSet<>();
        for (SemSample s : data.samples()) {
            files.add(s.image());
            s.maskFile().ifPresent(files::add);
        }
        return files;
    }

    private static Path source(Path root, Path marker) {
        if (RegularFiles.requireRegularFile(marker) > MAX_MARKER_BYTES) {
            throw new DefectLensException(marker, "too large for a derived-data-set marker");
        }
        Marker m;
        try {
            m = JSON.readValue(marker.toFile(), Marker.class);
        } catch (IOException e) {
            throw new DefectLensException(marker, "not a derived-data-set marker (expected {\"format\": 1, "
                    + "\"source\": \"../source-data-set\"})", e);
        }
        if (m == null || m.format() != 1 || m.source() == null || m.source().isBlank()) {
            throw new DefectLensException(marker, "the marker names no source data set (format 1, \"source\")");
        }
        Path source;
        try {
            source = root.resolve(m.source()).normalize();
        } catch (InvalidPathException e) {
            throw new DefectLensException(marker, "invalid source path '" + m.source() + "'");
        }
        if (!Files.isDirectory(source)) {
            throw new DefectLensException(marker, "the source data set " + source + " is not found; this data set "
                    + "refers to its images");
        }
        if (root.toAbsolutePath().normalize().startsWith(source.toAbsolutePath().normalize())) {
            throw new DefectLensException(marker, "the source " + source + " holds this data set itself");
        }
        return source;
    }
}
