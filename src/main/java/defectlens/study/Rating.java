package defectlens.study;

import java.time.Instant;
import java.util.UUID;

/**
 * One submitted answer: a rater's value for one question about one (image, method) item, with the
 * optional comment, the time, the model and app versions, and a submission id that is unique per
 * submission, so that the same submission found in two journals is counted once.
 */
public record Rating(String submissionId, String studyId, String rater, String imageId, String method,
        String question, int value, String comment, String time, String modelVersion, String appVersion) {

    public Rating {
        require(submissionId, "submissionId");
        require(studyId, "studyId");
        require(rater, "rater");
        require(imageId, "imageId");
        require(method, "method");
        require(question, "question");
        comment = comment == null ? "" : comment;
    }

    private static void require(String v, String name) {
        if (v == null || v.isBlank()) {
            throw new IllegalArgumentException("a rating needs a " + name);
        }
    }

    /** A new submission with a fresh random id and the current time. */
    public static Rating submit(StudyPlan plan, String rater, StudyItem item, String question, int value,
            String comment, String appVersion) {
        if (!plan.questionnaire().scale().accepts(value)) {
            throw new IllegalArgumentException("value " + value + " is outside the scale of " + plan.questionnaire().id());
        }
        return new Rating(UUID.randomUUID().toString(), plan.studyId(), rater, item.imageId(), item.method(), question,
                value, comment, Instant.now().toString(), plan.model() == null ? "" : plan.model().version(), appVersion);
    }

    /**
     * Orders ratings by their time as an instant (ISO-8601 strings of different precision do not sort
     * as text); times that do not parse compare as equal, so journal order decides.
     */
    public static int compareTime(Rating a, Rating b) {
        if (a.time() == null || b.time() == null) {
            return 0;
        }
        try {
            return Instant.parse(a.time()).compareTo(Instant.parse(b.time()));
        } catch (java.time.format.DateTimeParseException e) {
            return 0;
        }
    }

    /** What a later rating replaces: the same rater's answer to the same question about the same item. */
    public AnswerKey key() {
        return new AnswerKey(rater, imageId, method, question);
    }

    public StudyItem item() {
        return new StudyItem(imageId, method);
    }

    /** Identity of one answer slot: (rater, image, method, question). */
    public record AnswerKey(String rater, String imageId, String method, String question) {
    }
}
