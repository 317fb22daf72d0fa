package defectlens.app.study;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import defectlens.app.task.FxTaskExecutor;
import defectlens.core.DefectLensException;
import defectlens.study.Rating;
import defectlens.study.RatingJournal;
import defectlens.study.RatingSet;
import defectlens.study.StudyFolder;
import defectlens.study.StudyImage;
import defectlens.study.StudyItem;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import javafx.scene.Node;
import javafx.scene.Parent;
import javafx.scene.Scene;
import javafx.scene.control.Labeled;
import javafx.scene.control.RadioButton;
import javafx.scene.control.Spinner;
import javafx.scene.control.TextField;
import javafx.scene.input.KeyCode;
import javafx.scene.layout.StackPane;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/**
 * The whole study in the window: the organiser creates a two-method study of the demo set in the wizard (the CRAFT
 * concept banks it needs are fitted on the way), a picture is deleted, and a rater rates two items with mouse and
 * keys mixed; the journal then holds exactly the answers the screen showed, and the item without its picture is
 * skipped and cannot be rated. CRAFT runs with tiny settings and two images to keep the test short.
 */
@ExtendWith(ApplicationExtension.class)
class StudyWizardFxTest {
    private static final Path DEMO = Path.of("datasets/sem-demo");
    private static final Path MODEL = Path.of("models/sem-demo");

    Path tmp;
    Stage owner;
    FxTaskExecutor tasks;

    @Start
    void start(Stage stage) throws Exception {
        tmp = Files.createTempDirectory("study-wizard");
        tasks = new FxTaskExecutor();
        owner = stage;
        stage.setScene(new Scene(new StackPane(), 200, 100));
        stage.show();
    }

    @AfterEach
    void stop() throws Exception {
        WaitForAsyncUtils.asyncFx(() -> {
            for (javafx.stage.Window w : List.copyOf(javafx.stage.Window.getWindows())) {
                if (w != owner) {
                    ((Stage) w).close();
                }
            }
        }).get();
        tasks.shutdown();
        tasks.awaitTermination(30);
        try (Stream<Path> files = Files.walk(tmp)) {
            files.sorted(Comparator.reverseOrder()).forEach(f -> f.toFile().delete());
        }
    }

    @Test
    void anOrganiserCreatesAStudyAndARaterRatesWhatTheScreenShows(FxRobot robot) throws Exception {
        StudyWindows windows = new StudyWindows(tasks);
        NewStudyView wizard = WaitForAsyncUtils.asyncFx(() -> windows.openNewStudy(owner, DEMO, MODEL)).get();
        NewStudyViewModel vm = wizard.viewModel();
        Path studyDir = tmp.resolve("wizard-study");
        robot.clickOn("#inAll");
        robot.clickOn("#out").write(studyDir.toString());
        robot.interact(() -> {
            spinner(robot, "#count").getValueFactory().setValue(2);
            spinner(robot, "#seed").getValueFactory().setValue(4);
            spinner(robot, "#craftImages").getValueFactory().setValue(1);
            spinner(robot, "#craftConcepts").getValueFactory().setValue(2);
            spinner(robot, "#craftIterations").getValueFactory().setValue(30);
            spinner(robot, "#craftDesigns").getValueFactory().setValue(4);
        });
        assertEquals(List.of("gradcam", "craft"), vm.chosenMethods(), "GradCAM and CRAFT are ticked by default");
        assertTrue(vm.blindedProperty().get(), "blinding is on by default");
        assertEquals("", robot.lookup("#problem").queryLabeled().getText());
        robot.clickOn("#create");
        WaitForAsyncUtils.waitFor(600, TimeUnit.SECONDS, () -> vm.readyProperty().get()
                || vm.resumableProperty().get());
        WaitForAsyncUtils.waitForFxEvents();
        String status = robot.lookup("#wizardStatus").queryLabeled().getText();
        assertTrue(vm.readyProperty().get(), status);
        assertTrue(status.contains("ready to rate") && status.contains("concept banks fitted"), status);

        StudyFolder study = StudyFolder.open(studyDir);
        assertEquals(List.of("gradcam", "craft"), study.plan().methods());
        assertEquals(2, study.plan().images().size());
        assertEquals(List.of(), study.unavailableItems(), "every picture is made");
        try (Stream<Path> banks = Files.walk(studyDir.resolve("concept-banks"))) {
            assertTrue(banks.anyMatch(p -> p.endsWith("bank.json")), "the CRAFT banks were fitted and saved");
        }

        StudyImage first = study.plan().images().get(0);
        StudyItem deleted = new StudyItem(first.id(), "craft");
        Files.delete(study.pictureFile("craft", first.id()));

        robot.clickOn("#rateNow");
        WaitForAsyncUtils.waitForFxEvents();
        robot.interact(() -> robot.lookup(".dialog-pane .text-field").queryAs(TextField.class).setText("rita"));
        robot.type(KeyCode.ENTER);
        WaitForAsyncUtils.waitFor(30, TimeUnit.SECONDS, () -> robot.lookup("#ratingView").tryQuery().isPresent());
        RatingView view = robot.lookup("#ratingView").queryAs(RatingView.class);
        RatingViewModel rating = view.viewModel();
        assertEquals(3, rating.items().size(), "the item without its picture is skipped");
        assertFalse(rating.items().contains(deleted));
        assertTrue(rating.itemTitleProperty().get().contains("1 item unavailable"), rating.itemTitleProperty().get());
        assertFalse(anyTextContains(view, "gradcam") || anyTextContains(view, "craft"), "a method name is visible");
        assertThrows(DefectLensException.class, () -> rating.session().answer(deleted, "Q1", 3, ""),
                "the journal refuses a rating of the item whose picture is missing");

        Map<StudyItem, int[]> shown = new LinkedHashMap<>();
        WaitForAsyncUtils.waitFor(30, TimeUnit.SECONDS, () -> rating.explanationProperty().get() != null);
        robot.clickOn("#q0v4");
        assertEquals(1, rating.focusedQuestionProperty().get(), "the click moved the highlight on to Q2");
        robot.type(KeyCode.DIGIT5);
        robot.clickOn("#q4v2");
        robot.type(KeyCode.DIGIT3);
        robot.clickOn("#q0v2");
        shown.put(rating.currentItem(), screen(robot, rating));
        robot.clickOn("#next");
        WaitForAsyncUtils.waitFor(30, TimeUnit.SECONDS, () -> rating.explanationProperty().get() != null);
        robot.type(KeyCode.DIGIT1);
        robot.clickOn("#q3v5");
        robot.type(KeyCode.DIGIT4, KeyCode.DIGIT2);
        shown.put(rating.currentItem(), screen(robot, rating));
        WaitForAsyncUtils.waitFor(30, TimeUnit.SECONDS, () -> rating.savedProperty().get());

        assertEquals(List.of(2, 5, 0, 0, 2, 3, 0, 0), values(shown, 0), "item 1 as the screen showed it");
        assertEquals(List.of(1, 0, 0, 5, 4, 2, 0, 0), values(shown, 1), "item 2 as the screen showed it");
        List<Rating> journal = RatingJournal.read(study.journalFile("rita"));
        assertEquals(9, journal.size(), "8 answers and the one changed answer of Q1");
        Map<StudyItem, int[]> stored = new LinkedHashMap<>();
        for (Rating r : RatingSet.of(journal).effective()) {
            stored.computeIfAbsent(r.item(), k -> new int[8])[study.plan().questionnaire().indexOf(r.question())] =
                    r.value();
        }
        assertEquals(shown.keySet(), stored.keySet());
        for (StudyItem item : shown.keySet()) {
            assertEquals(List.of(box(shown.get(item))), List.of(box(stored.get(item))), item.toString());
        }
    }

    @SuppressWarnings("unchecked")
    private static Spinner<Integer> spinner(FxRobot robot, String id) {
        return (Spinner<Integer>) robot.lookup(id).queryAs(Spinner.class);
    }

    /** The answers the rating window shows for its current item: the selected choice per statement (0: none). */
    private static int[] screen(FxRobot robot, RatingViewModel vm) {
        WaitForAsyncUtils.waitForFxEvents();
        int[] values = new int[vm.questions().size()];
        for (int q = 0; q < values.length; q++) {
            for (int v = vm.scaleMin(); v <= vm.scaleMax(); v++) {
                if (robot.lookup("#q" + q + "v" + v).queryAs(RadioButton.class).isSelected()) {
                    values[q] = v;
                }
            }
        }
        return values;
    }

    private static List<Integer> values(Map<StudyItem, int[]> shown, int index) {
        return List.of(box(List.copyOf(shown.values()).get(index)));
    }

    private static Integer[] box(int[] a) {
        return java.util.Arrays.stream(a).boxed().toArray(Integer[]::new);
    }

    private static boolean anyTextContains(Node n, String s) {
        if (n instanceof Labeled l && l.getText() != null && l.getText().contains(s)) {
            return true;
        }
        if (n instanceof Parent p) {
            for (Node c : p.getChildrenUnmodifiable()) {
                if (anyTextContains(c, s)) {
                    return true;
                }
            }
        }
        return false;
    }
}
