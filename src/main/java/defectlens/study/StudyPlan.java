package defectlens.study;

import com.fasterxml.jackson.core.JsonProcessingException;
import defectlens.core.DefectLensException;
import defectlens.core.OutputFile;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A rating study as data ({@code study.json}): the images (ids and paths relative to the data set),
 * the explanation methods and the model, the questionnaire, and the blinding, a map from the label a
 * rater sees ("Explanation A") to the method behind it. The mapping is kept here for the analysis and
 * is never shown in the rating window. Raters see the items in {@link RaterOrder}.
 */
public record StudyPlan(String studyId, String created, String dataset, ModelRef model, List<String> methods,
        Map<String, String> blinding, List<StudyImage> images, Questionnaire questionnaire, long seed) {

    public StudyPlan {
        if (studyId == null || studyId.isBlank()) {
            throw new IllegalArgumentException("a study needs an id");
        }
        if (methods == null || methods.isEmpty()) {
            throw new IllegalArgumentException("study " + studyId + " has no methods");
        }
        if (images == null || images.isEmpty()) {
            throw new IllegalArgumentException("study " + studyId + " has no images");
        }
        if (questionnaire == null) {
            throw new IllegalArgumentException("study " + studyId + " has no questionnaire");
        }
        methods = List.copyOf(methods);
        images = List.copyOf(images);
        blinding = blinding == null || blinding.isEmpty() ? blindingOf(methods) : new LinkedHashMap<>(blinding);
        if (!blinding.values().containsAll(methods) || blinding.size() != methods.size()) {
            throw new IllegalArgumentException("study " + studyId + ": blinding must name every method once");
        }
    }

    /** "Explanation A", "Explanation B", ... for the methods in the given order. */
    public static Map<String, String> blindingOf(List<String> methods) {
        Map<String, String> m = new LinkedHashMap<>();
        for (int i = 0; i < methods.size(); i++) {
            String letter = i < 26 ? String.valueOf((char) ('A' + i)) : "M" + (i + 1);
            m.put("Explanation " + letter, methods.get(i));
        }
        return m;
    }

    /** The label a rater sees for a method. */
    public String labelOf(String method) {
        return blinding.entrySet().stream().filter(e -> e.getValue().equals(method)).map(Map.Entry::getKey)
                .findFirst().orElseThrow(() -> new IllegalArgumentException("method not in study " + studyId + ": " + method));
    }

    public StudyImage image(String imageId) {
        return images.stream().filter(i -> i.id().equals(imageId)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("image not in study " + studyId + ": " + imageId));
    }

    /** The image file of an item: the data-set folder of the plan resolved against the study folder. */
    public Path imageFile(Path studyDir, String imageId) {
        return studyDir.resolve(dataset).resolve(image(imageId).path()).normalize();
    }

    /** Number of single answers a rater gives: items times questions. */
    public int answersPerRater() {
        return images.size() * methods.size() * questionnaire.questions().size();
    }

    /** Writes the plan (replacing an older one) through a temporary file; a failure leaves no trace. */
    public void save(Path file) {
        OutputFile.write(file, true, out -> StudyJson.PRETTY.writeValue(out, this));
    }

    public static StudyPlan load(Path file) {
        if (!Files.isRegularFile(file)) {
            throw new DefectLensException(file, "study plan not found (a study folder holds study.json)");
        }
        try {
            return StudyJson.PRETTY.readValue(file.toFile(), StudyPlan.class);
        } catch (JsonProcessingException e) {
            throw new DefectLensException(file, "not a study plan: " + e.getOriginalMessage(), e);
        } catch (IOException e) {
            throw new DefectLensException(file, "cannot read: " + e.getMessage(), e);
        }
    }
}
