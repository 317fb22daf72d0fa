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
import defectlens.study.StudyItem;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
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
        StudyFolder study = StudyFolder.open(dir);
        try {
            for (StudyImage img : study.plan().images()) {
                for (String m : study.plan().methods()) {
                    Files.createDirectories(study.pictureFile(m, img.id()).getParent());
                    Files.write(study.pictureFile(m, img.id()), new byte[] {1});
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return study;
    }

    private RatingViewModel open(StudyFolder study) {
        return open(study, new CurrentThreadTaskExecutor());
    }

    private RatingViewModel open(StudyFolder study, CurrentThreadTaskExecutor executor) {
        return new RatingViewModel(new RatingSession(study, "hana", "test"), study.explanations(), dir, executor,
                Set.copyOf(study.unavailableItems()), study.explainedClasses().asMap());
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
    void journalWorkRunsOnItsLaneAndAnOlderItemsPicturesAreDropped() throws Exception {
        CurrentThreadTaskExecutor executor = new CurrentThreadTaskExecutor();
        StudyFolder study = study();
        RatingViewModel vm = open(study, executor);
        assertTrue(vm.itemAvailableProperty().get());
        StudyItem first = vm.currentItem();
        Files.delete(study.pictureFile(first.method(), first.imageId()));
        List<String> notes = new java.util.ArrayList<>();
        vm.explanationNoteProperty().addListener((o, a, b) -> notes.add(b));
        executor.hold();
        vm.next();
        vm.back();
        assertEquals(2, executor.runHeld());
        assertEquals(List.of("This item is unavailable: the picture of " + vm.explanationLabelProperty().get()
                + " is missing, so it cannot be rated. Go on with Next."), notes,
                "the next item's pictures are dropped; the note of the shown item arrives once");
        assertFalse(vm.itemAvailableProperty().get());
        vm.choose(3);
        assertEquals(0, vm.answerProperty(0).get(), "an item without its picture takes no answer");
        vm.close();
        assertTrue(RatingJournal.read(study.journalFile("hana")).isEmpty());
        assertTrue(executor.lanesUsed.stream().allMatch(l -> l == TaskLane.JOURNAL), executor.lanesUsed.toString());
        assertTrue(executor.errors.isEmpty());
    }

    @Test
    void aClickAndAKeyFollowOneRuleTheHighlightMovesToTheNextUnansweredStatement() {
        RatingViewModel vm = open(study());
        vm.choose(0, 4);
        assertEquals(1, vm.focusedQuestionProperty().get(), "a click on Q1 moves the highlight on to Q2");
        vm.choose(5);
        assertEquals(5, vm.answerProperty(1).get(), "the key answers the highlighted Q2, not Q1 again");
        assertEquals(4, vm.answerProperty(0).get());
        vm.choose(5, 2);
        assertEquals(6, vm.focusedQuestionProperty().get(), "after a click on Q6 the highlight is on Q7");
        vm.choose(3, 1);
        assertEquals(4, vm.focusedQuestionProperty().get(), "after a click on Q4 the highlight is on Q5");
        vm.choose(3);
        vm.choose(3);
        vm.choose(3);
        assertEquals(List.of(4, 5, 0, 1, 3, 2, 3, 3), java.util.stream.IntStream.range(0, 8)
                .mapToObj(q -> vm.answerProperty(q).get()).toList());
        assertEquals(2, vm.focusedQuestionProperty().get(), "after Q8 the highlight wraps to the unanswered Q3");
        vm.choose(1);
        assertEquals(2, vm.focusedQuestionProperty().get(), "all answered: the highlight stays");
        vm.close();
    }

    @Test
    void itemsWithoutAPictureAreLeftOutOfTheRatersOrder() throws Exception {
        StudyFolder study = study();
        StudyItem gone = new StudyItem("b", "craft");
        Files.delete(study.pictureFile("craft", "b"));
        RatingViewModel vm = open(study);
        assertEquals(3, vm.items().size());
        assertFalse(vm.items().contains(gone));
        assertTrue(vm.itemTitleProperty().get().contains("1 item unavailable"), vm.itemTitleProperty().get());
        vm.close();
    }

    @Test
    void theClassExplainedIsShownOnlyWhenThePlanSaysSo() {
        StudyFolder study = study();
        Map<String, String> classes = Map.of("a", "line_break", "b", "line_break");
        RatingViewModel hidden = new RatingViewModel(new RatingSession(study, "hana", "test"), study.explanations(), dir,
                new CurrentThreadTaskExecutor(), Set.of(), classes);
        assertEquals("", hidden.explainedClassProperty().get());
        hidden.close();
        StudyPlan p = study.plan();
        new StudyPlan(p.studyId(), p.created(), p.dataset(), p.model(), p.methods(), p.blinding(), p.images(),
                p.questionnaire(), p.seed(), List.of(), true, true, null).save(dir.resolve("study.json"));
        StudyFolder shown = StudyFolder.open(dir);
        RatingViewModel vm = new RatingViewModel(new RatingSession(shown, "hana", "test"), shown.explanations(), dir,
                new CurrentThreadTaskExecutor(), Set.of(), classes);
        assertEquals("Class explained: line_break", vm.explainedClassProperty().get());
        assertTrue(vm.explanationLabelProperty().get().startsWith("Explanation "), "still blinded");
        vm.close();
    }
}
