package defectlens.study;

/** An image of a study: its id (the data-set sample id) and its path relative to the data-set folder. */
public record StudyImage(String id, String path) {
}
