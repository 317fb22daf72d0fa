package defectlens.study;

/** One thing a rater rates: the explanation of one method for one image (all questions of the questionnaire). */
public record StudyItem(String imageId, String method) {
}
