package defectlens.study;

import com.fasterxml.jackson.core.JsonProcessingException;
import defectlens.core.DefectLensException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * A questionnaire as data: statements rated on one Likert scale. The explanation-satisfaction
 * scale ships as the resource {@code defectlens/study/explanation-satisfaction.json}; another scale
 * or language is a JSON file of the same shape read with {@link #load(Path)}.
 */
public record Questionnaire(String id, String title, String language, LikertScale scale, List<Question> questions) {
    /** The resource of the built-in explanation-satisfaction scale (8 statements, 1..5). */
    public static final String EXPLANATION_SATISFACTION = "/defectlens/study/explanation-satisfaction.json";

    public Questionnaire {
        if (id == null || id.isBlank()) {
            throw new IllegalArgumentException("a questionnaire needs an id");
        }
        if (scale == null) {
            throw new IllegalArgumentException("questionnaire " + id + " needs a scale");
        }
        if (questions == null || questions.isEmpty()) {
            throw new IllegalArgumentException("questionnaire " + id + " has no questions");
        }
        questions = List.copyOf(questions);
        Set<String> ids = new HashSet<>();
        for (Question q : questions) {
            if (!ids.add(q.id())) {
                throw new IllegalArgumentException("questionnaire " + id + " has question " + q.id() + " twice");
            }
        }
    }

    /** The built-in explanation-satisfaction scale. */
    public static Questionnaire explanationSatisfaction() {
        try (InputStream in = Questionnaire.class.getResourceAsStream(EXPLANATION_SATISFACTION)) {
            if (in == null) {
                throw new IllegalStateException("resource missing: " + EXPLANATION_SATISFACTION);
            }
            return StudyJson.PRETTY.readValue(in, Questionnaire.class);
        } catch (IOException e) {
            throw new IllegalStateException("cannot read " + EXPLANATION_SATISFACTION, e);
        }
    }

    /** Reads a questionnaire file; a file of the wrong shape ends in a message naming it. */
    public static Questionnaire load(Path file) {
        if (!Files.isRegularFile(file)) {
            throw new DefectLensException(file, "questionnaire file not found");
        }
        try {
            return StudyJson.PRETTY.readValue(file.toFile(), Questionnaire.class);
        } catch (JsonProcessingException e) {
            throw new DefectLensException(file, "not a questionnaire (expected id, scale {min, max, anchors}, questions [{id, text}]): "
                    + e.getOriginalMessage(), e);
        } catch (IOException e) {
            throw new DefectLensException(file, "cannot read: " + e.getMessage(), e);
        }
    }

    public Optional<Question> question(String questionId) {
        return questions.stream().filter(q -> q.id().equals(questionId)).findFirst();
    }

    public int indexOf(String questionId) {
        for (int i = 0; i < questions.size(); i++) {
            if (questions.get(i).id().equals(questionId)) {
                return i;
            }
        }
        return -1;
    }

    public List<String> questionIds() {
        return questions.stream().map(Question::id).toList();
    }
}
