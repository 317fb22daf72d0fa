package defectlens.study;

/** One statement of a questionnaire, e.g. {@code Q2 "This explanation of how the model works is satisfying."}. */
public record Question(String id, String text) {
    public Question {
        if (id == null || id.isBlank()) {
            throw new IllegalArgumentException("a question needs an id");
        }
        if (text == null || text.isBlank()) {
            throw new IllegalArgumentException("question " + id + " needs a text");
        }
    }
}
