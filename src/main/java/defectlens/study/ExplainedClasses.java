package defectlens.study;

import com.fasterxml.jackson.core.type.TypeReference;
import defectlens.core.DefectLensException;
import defectlens.core.OutputFile;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * The class each study image's pictures explain (the model's predicted class when the pictures were made), kept
 * as {@code explanations/classes.json} ({@code {"<image id>": "<class>"}}). The rating window names it only when
 * the plan says so ({@link StudyPlan#showClass()}).
 */
public final class ExplainedClasses {
    static final String FILE = "classes.json";
    private final Path file;
    private final Map<String, String> classes;

    private ExplainedClasses(Path file, Map<String, String> classes) {
        this.file = file;
        this.classes = classes;
    }

    /** The classes recorded in a study's {@code explanations} folder (none when the file is not there). */
    public static ExplainedClasses in(Path explanationsDir) {
        Path f = explanationsDir.resolve(FILE);
        if (!Files.isRegularFile(f)) {
            return new ExplainedClasses(f, new TreeMap<>());
        }
        try {
            return new ExplainedClasses(f, new TreeMap<>(StudyJson.PRETTY.readValue(f.toFile(),
                    new TypeReference<Map<String, String>>() { })));
        } catch (IOException e) {
            throw new DefectLensException(f, "not a list of explained classes: " + e.getMessage(), e);
        }
    }

    public synchronized Optional<String> of(String imageId) {
        return Optional.ofNullable(classes.get(imageId));
    }

    /** Adds (or replaces) classes and writes the file through a temporary file. */
    public synchronized void record(Map<String, String> more) {
        if (more.isEmpty()) {
            return;
        }
        classes.putAll(more);
        OutputFile.write(file, true, out -> StudyJson.PRETTY.writeValue(out, classes));
    }

    public synchronized Map<String, String> asMap() {
        return Map.copyOf(classes);
    }
}
