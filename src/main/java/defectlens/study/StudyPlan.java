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
 * is never shown in the rating window. Raters see the items in {@link RaterOrder}. {@code raters} lists the
 * rater ids the organiser invited (empty: anyone may rate); {@code blinded} (true unless the organiser turned it
 * off) labels methods "Explanation A", "Explanation B", ... and otherwise with their names; {@code showClass} says
 * whether the rating window names the class each explanation explains. {@code sampling} records how the images
 * were drawn.
 */
public record StudyPlan(String studyId, String created, String dataset, ModelRef model, List<String> methods,
        Map<String, String> blinding, List<StudyImage> images, Questionnaire questionnaire, long seed,
        List<String> raters, Boolean blinded, Boolean showClass, StudySampling sampling) {

    /** A blinded plan without invited raters that does not show the class explained. */
    public StudyPlan(String studyId, String created, String dataset, ModelRef model, List<String> methods,
            Map<String, String> blinding, List<StudyImage> images, Questionnaire questionnaire, long seed) {
        this(studyId, created, dataset, model, methods, blinding, images, questionnaire, seed, List.of(), true, false,
                null);
    }

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
        raters = raters == null ? List.of() : List.copyOf(raters);
        blinded = blinded == null || blinded;
        showClass = showClass != null && showClass;
        blinding = blinding == null || blinding.isEmpty() ? (blinded ? blindingOf(methods) : namedAfterMethods(methods))
                : new LinkedHashMap<>(blinding);
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

    /** The labels of an unblinded study: each method's own name. */
    public static Map<String, String> namedAfterMethods(List<String> methods) {
        Map<String, String> m = new LinkedHashMap<>();
        methods.forEach(method -> m.put(method, method));
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
