package defectlens.study;

import java.util.List;
import java.util.Map;

/** Small plans and ratings for the study tests. */
final class StudyFixtures {
    private StudyFixtures() {
    }

    static StudyPlan plan(String studyId, int images, String... methods) {
        List<StudyImage> imgs = new java.util.ArrayList<>();
        for (int i = 0; i < images; i++) {
            imgs.add(new StudyImage(String.format("img%02d", i), "images/img" + i + ".png"));
        }
        return new StudyPlan(studyId, "2026-01-01T00:00:00Z", ".", new ModelRef("demo", "1.0"), List.of(methods),
                Map.of(), imgs, Questionnaire.explanationSatisfaction(), 1);
    }

    /** Puts a (placeholder) explanation picture for every item of the plan into the study folder. */
    static void pictures(java.nio.file.Path studyDir, StudyPlan plan) {
        try {
            for (StudyImage img : plan.images()) {
                for (String m : plan.methods()) {
                    java.nio.file.Path p = studyDir.resolve("explanations").resolve(m).resolve(img.id() + ".png");
                    java.nio.file.Files.createDirectories(p.getParent());
                    java.nio.file.Files.write(p, new byte[] {1});
                }
            }
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    static Rating rating(String id, String rater, String image, String method, String q, int value, String time) {
        return new Rating(id, "s1", rater, image, method, q, value, "", time, "1.0", "test");
    }
}
