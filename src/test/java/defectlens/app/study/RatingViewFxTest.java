package defectlens.app.study;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import defectlens.dataset.DatasetOpener;
import defectlens.image.ImageRaster;
import defectlens.image.SemImageReader;
import defectlens.study.ModelRef;
import defectlens.study.Questionnaire;
import defectlens.study.Rating;
import defectlens.study.RatingJournal;
import defectlens.study.RatingSession;
import defectlens.study.StudyAnalysis;
import defectlens.study.StudyCreator;
import defectlens.study.StudyFolder;
import defectlens.study.StudyItem;
import defectlens.study.StudyPlan;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import javafx.application.Platform;
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
    ExecutorService io;
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
        io = Executors.newSingleThreadExecutor();
        vm = new RatingViewModel(new RatingSession(study, "dana", "test"), study.explanations(), study.dir(), io, Platform::runLater);
        view = new RatingView(vm);
        stage.setScene(new Scene(view, 1100, 900));
        stage.sizeToScene(); // the primary stage is shared by all TestFX classes: take this scene's size
        stage.show();
        view.requestFocus();
    }

    @AfterEach
    void stop() throws Exception {
        io.execute(() -> vm.session().close());
        io.shutdown();
        io.awaitTermination(10, TimeUnit.SECONDS);
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
    void methodsAreBlindedAndAMissingPictureIsNoted(FxRobot robot) throws Exception {
        for (int i = 0; i < vm.session().order().size(); i++) {
            String label = robot.lookup("#explanationLabel").queryLabeled().getText();
            assertTrue(label.matches("Explanation [AB]"), label);
            boolean craft = vm.currentItem().method().equals("craft");
            assertEquals(craft, !vm.explanationNoteProperty().get().isEmpty(), "craft has no pictures in this study");
            assertFalse(anyTextContains(view, "gradcam") || anyTextContains(view, "craft"), "method name visible");
            robot.type(KeyCode.PAGE_DOWN);
            WaitForAsyncUtils.waitForFxEvents();
        }
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
                for (StudyItem it : other.order()) {
                    for (String q : study.plan().questionnaire().questionIds()) {
                        int bias = it.method().equals("craft") ? 1 : 0;
                        other.answer(it, q, Math.min(5, 2 + bias + random.nextInt(3)), "");
                    }
                }
            }
        }
        Path png = Path.of("target/study-summary-chart.png");
        robot.interact(() -> {
            StudySummaryView sv = new StudySummaryView(StudyAnalysis.summarize(study.plan(), study.ratings()));
            Stage s = new Stage();
            s.setScene(new Scene(sv, 900, 700));
            s.show();
            assertEquals(2, sv.chart().getData().size());
            sv.saveChart(png);
            s.close();
        });
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
