package defectlens.app.study;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import defectlens.app.task.CurrentThreadTaskExecutor;
import defectlens.app.task.TaskLane;
import defectlens.study.ModelRef;
import defectlens.study.Questionnaire;
import defectlens.study.RatingJournal;
import defectlens.study.RatingSession;
import defectlens.study.StudyFolder;
import defectlens.study.StudyImage;
import defectlens.study.StudyPlan;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The rating view-model without a window: saving runs on the calling thread. */
class RatingViewModelTest {
    @TempDir
    Path dir;

    private StudyFolder study() {
        new StudyPlan("vm", "2026-01-01T00:00:00Z", ".", new ModelRef("m", "1"), List.of("gradcam", "craft"), Map.of(),
                List.of(new StudyImage("a", "a.png"), new StudyImage("b", "b.png")), Questionnaire.explanationSatisfaction(), 1)
                .save(dir.resolve("study.json"));
        return StudyFolder.open(dir);
    }

    private RatingViewModel open(StudyFolder study) {
        return new RatingViewModel(new RatingSession(study, "hana", "test"), study.explanations(), dir,
                new CurrentThreadTaskExecutor());
    }

    @Test
    void answersAdvanceSaveAndAReopenedWindowResumes() {
        StudyFolder study = study();
        RatingViewModel vm = open(study);
        for (int v : new int[] {1, 2, 3, 4, 5, 4, 3, 2}) {
            vm.choose(v);
        }
        assertTrue(vm.savedProperty().get());
        assertEquals("Saved", vm.statusProperty().get());
        assertEquals(8.0 / 32, vm.progressProperty().get(), 1e-12);
        vm.next();
        vm.choose(5);
        vm.commentProperty().set("too coarse");
        vm.close();
        assertEquals(10, RatingJournal.read(study.journalFile("hana")).size(), "8 + 1 answer + the comment re-submitted");

        RatingViewModel again = open(study);
        assertEquals(1, again.itemIndexProperty().get());
        assertEquals(1, again.focusedQuestionProperty().get());
        assertEquals(5, again.answerProperty(0).get());
        assertEquals("too coarse", again.commentProperty().get());
        assertTrue(again.statusProperty().get().startsWith("Resumed"), again.statusProperty().get());
        again.back();
        assertEquals(4, again.answerProperty(3).get());
        again.close();
    }

    @Test
    void arrowsStepWithinTheScale() {
        RatingViewModel vm = open(study());
        vm.step(-1);
        assertEquals(5, vm.answerProperty(0).get());
        vm.step(1);
        assertEquals(5, vm.answerProperty(0).get());
        vm.step(-1);
        assertEquals(4, vm.answerProperty(0).get());
        vm.moveFocus(-3);
        assertEquals(0, vm.focusedQuestionProperty().get());
        vm.moveFocus(20);
        assertEquals(7, vm.focusedQuestionProperty().get());
        vm.close();
    }

    @Test
    void aFailedSaveSaysNotSaved() {
        RatingViewModel vm = open(study());
        vm.session().close();
        vm.choose(3);
        assertFalse(vm.savedProperty().get());
        assertTrue(vm.statusProperty().get().startsWith("NOT saved"), vm.statusProperty().get());
    }

    @Test
    void journalWorkRunsOnItsLaneAndAnOlderItemsPicturesAreDropped() {
        CurrentThreadTaskExecutor executor = new CurrentThreadTaskExecutor();
        StudyFolder study = study();
        RatingViewModel vm = new RatingViewModel(new RatingSession(study, "hana", "test"), study.explanations(), dir,
                executor);
        assertTrue(vm.explanationNoteProperty().get().startsWith("No picture of"), "no explanation pictures yet");
        List<String> notes = new java.util.ArrayList<>();
        vm.explanationNoteProperty().addListener((o, a, b) -> notes.add(b));
        executor.hold();
        vm.next();
        vm.back();
        assertEquals(2, executor.runHeld());
        assertEquals(List.of("", "No picture of " + vm.explanationLabelProperty().get()
                + " for this image yet: rate the image as shown."), notes, "the note is reset and arrives once");
        vm.choose(3);
        vm.close();
        assertTrue(executor.lanesUsed.stream().allMatch(l -> l == TaskLane.JOURNAL), executor.lanesUsed.toString());
        assertTrue(executor.errors.isEmpty());
    }
}
