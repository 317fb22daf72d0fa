package defectlens.app.study;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import defectlens.app.task.FxTaskExecutor;
import defectlens.dataset.DatasetOpener;
import defectlens.image.ImageRaster;
import defectlens.image.SemImageReader;
import defectlens.study.ModelRef;
import defectlens.study.Questionnaire;
import defectlens.study.Rating;
import defectlens.study.RatingJournal;
import defectlens.study.RatingSession;
import defectlens.study.StudyCreator;
import defectlens.study.StudyFolder;
import defectlens.study.StudyItem;
import defectlens.study.StudyPlan;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import javafx.scene.Node;
import javafx.scene.Scene;
import javafx.scene.control.Labeled;
import javafx.scene.input.KeyCode;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/** Rates with the keyboard in the real rating window on a study made from the demo data set. */
@ExtendWith(ApplicationExtension.class)
class RatingViewFxTest {
    Path studyDir;
    StudyFolder study;
    FxTaskExecutor tasks;
    RatingViewModel vm;
    RatingView view;

    @Start
    void start(Stage stage) throws Exception {
        studyDir = Files.createTempDirectory("study-fx");
        StudyPlan plan = StudyCreator.create(DEMO, demoImages(), List.of("gradcam", "craft"),
                3, 5, new ModelRef("sem-demo", "0.1"), Questionnaire.explanationSatisfaction(), studyDir);
        Path masks = Path.of("datasets/sem-demo/data/masks");
        for (var img : plan.images()) {
            Path target = studyDir.resolve("explanations/gradcam/" + img.id() + ".png");
            Files.createDirectories(target.getParent());
            Files.copy(masks.resolve(img.id() + ".png"), target);
        }
        study = StudyFolder.open(studyDir);
        tasks = new FxTaskExecutor();
        vm = new RatingViewModel(new RatingSession(study, "dana", "test"), study.explanations(), study.dir(), tasks,
                java.util.Set.copyOf(study.unavailableItems()), study.explainedClasses().asMap());
        view = new RatingView(vm);
        stage.setScene(new Scene(view, 1100, 900));
        stage.sizeToScene(); // the primary stage is shared by all TestFX classes: take this scene's size
        stage.show();
        view.requestFocus();
    }

    @AfterEach
    void stop() throws Exception {
        WaitForAsyncUtils.asyncFx(vm::close).get();
        tasks.shutdown();
        tasks.awaitTermination(10);
        try (var files = Files.walk(studyDir)) {
            files.sorted(java.util.Comparator.reverseOrder()).forEach(f -> f.toFile().delete());
        }
    }

    private void waitFor(java.util.concurrent.Callable<Boolean> c) throws Exception {
        WaitForAsyncUtils.waitFor(15, TimeUnit.SECONDS, c);
        WaitForAsyncUtils.waitForFxEvents();
    }

    @Test
    void keysAnswerStatementsAndTheJournalHasThemWhenSaved(FxRobot robot) throws Exception {
        StudyItem item = vm.currentItem();
        robot.type(KeyCode.DIGIT4, KeyCode.DIGIT5);
        robot.type(KeyCode.DOWN);
        robot.type(KeyCode.DIGIT2);
        robot.type(KeyCode.UP, KeyCode.UP);
        robot.type(KeyCode.RIGHT);
        waitFor(() -> vm.savedProperty().get());
        assertEquals("Saved", robot.lookup("#saveStatus").queryLabeled().getText());
        List<Rating> journal = RatingJournal.read(study.journalFile("dana"));
        assertEquals(4, journal.size());
        // 4 answers Q1, 5 answers Q2, DOWN skips Q3, 2 answers Q4 (focus moves on to Q5),
        // UP UP comes back to the unanswered Q3 and RIGHT starts it at the bottom of the scale
        assertEquals(List.of("Q1", "Q2", "Q4", "Q3"), journal.stream().map(Rating::question).toList());
        assertEquals(List.of(4, 5, 2, 1), journal.stream().map(Rating::value).toList());
        assertTrue(journal.stream().allMatch(r -> r.imageId().equals(item.imageId()) && r.method().equals(item.method())));
        assertTrue(robot.lookup("#q3v2").queryAs(javafx.scene.control.RadioButton.class).isSelected());
        robot.interact(() -> PngSnapshot.write(view, Path.of("target/study-rating-window.png")));
    }

    @Test
    void methodsAreBlindedAndItemsWithoutAPictureAreSkipped(FxRobot robot) throws Exception {
        assertEquals(3, vm.items().size(), "craft has no pictures in this study: its 3 items are left out");
        assertTrue(robot.lookup("#ratingView").queryAs(RatingView.class) == view);
        for (int i = 0; i < vm.items().size(); i++) {
            String label = robot.lookup("#explanationLabel").queryLabeled().getText();
            assertTrue(label.matches("Explanation [AB]"), label);
            assertEquals("gradcam", vm.currentItem().method());
            waitFor(() -> vm.imageProperty().get() != null); // the pictures come from the journal lane
            assertEquals("", vm.explanationNoteProperty().get());
            assertFalse(anyTextContains(view, "gradcam") || anyTextContains(view, "craft"), "method name visible");
            assertFalse(robot.lookup("#explainedClass").queryLabeled().isVisible(), "the plan does not show the class");
            robot.type(KeyCode.PAGE_DOWN);
            WaitForAsyncUtils.waitForFxEvents();
        }
        assertTrue(vm.itemTitleProperty().get().contains("3 items unavailable"), vm.itemTitleProperty().get());
    }

    @Test
    void zoomIsLinkedAndFitAndActualSizeWork(FxRobot robot) throws Exception {
        waitFor(() -> vm.imageProperty().get() != null);
        double fitted = view.linked().transform().scale();
        assertTrue(fitted < 1, "a 480-pixel image is fitted into a smaller pane: " + fitted);
        robot.clickOn("#actualSize");
        assertEquals(1.0, view.linked().transform().scale(), 1e-9);
        robot.moveTo("#explanationPane").scroll(3, javafx.geometry.VerticalDirection.UP);
        double zoomed = view.linked().transform().scale();
        assertTrue(zoomed != 1.0, "the wheel over the explanation zooms the shared transform");
        robot.type(KeyCode.F);
        assertEquals(fitted, view.linked().transform().scale(), 1e-9);
        assertTrue(robot.lookup("#heatmapLegend").tryQuery().isPresent());
    }

    @Test
    void commentIsSavedWithTheAnswersAndTheWindowResumes(FxRobot robot) throws Exception {
        robot.type(KeyCode.DIGIT3);
        waitFor(() -> vm.savedProperty().get());
        robot.clickOn("#comment").write("edge");
        robot.clickOn("#next");
        waitFor(() -> vm.savedProperty().get() && RatingJournal.read(study.journalFile("dana")).size() == 2);
        assertEquals("edge", RatingJournal.read(study.journalFile("dana")).get(1).comment());
        assertEquals(1, vm.itemIndexProperty().get());
    }

    @Test
    void summaryChartIsSavedAsPng(FxRobot robot) throws Exception {
        StudyItem item = vm.currentItem();
        robot.type(KeyCode.DIGIT4, KeyCode.DIGIT2);
        waitFor(() -> vm.savedProperty().get());
        java.util.Random random = new java.util.Random(3);
        for (String rater : List.of("erik", "fay", "gus")) {
            try (RatingSession other = new RatingSession(study, rater, "test")) {
                for (StudyItem it : other.order().stream().filter(other::available).toList()) {
                    for (String q : study.plan().questionnaire().questionIds()) {
                        int bias = it.method().equals("craft") ? 1 : 0;
                        other.answer(it, q, Math.min(5, 2 + bias + random.nextInt(3)), "");
                    }
                }
            }
        }
        Path png = Path.of("target/study-summary-chart.png");
        Files.deleteIfExists(png);
        StudyReport report = StudyReport.of(study);
        assertEquals(List.of("dana", "erik", "fay", "gus"), report.progress().stream().map(p -> p.rater()).toList());
        robot.interact(() -> {
            StudySummaryView sv = new StudySummaryView(report, tasks);
            Stage s = new Stage();
            s.setScene(new Scene(sv, 1200, 900));
            s.show();
            assertEquals(2, sv.chart().getData().size());
            sv.saveChart(png);
        });
        waitFor(() -> Files.isRegularFile(png));
        ImageRaster r = SemImageReader.read(png);
        assertTrue(r.width() > 300 && r.height() > 200, r.describe());
        assertTrue(item.method().equals("gradcam") || item.method().equals("craft"));
    }

    private static boolean anyTextContains(Node n, String s) {
        if (n instanceof Labeled l && l.getText() != null && l.getText().contains(s)) {
            return true;
        }
        if (n instanceof javafx.scene.Parent p) {
            for (Node c : p.getChildrenUnmodifiable()) {
                if (anyTextContains(c, s)) {
                    return true;
                }
            }
        }
        return false;
    }

    private static final Path DEMO = Path.of("datasets/sem-demo");

    private static List<StudyCreator.Candidate> demoImages() {
        return DatasetOpener.open(DEMO).samples().stream()
                .map(s -> new StudyCreator.Candidate(s.id(), s.image())).toList();
    }
}
