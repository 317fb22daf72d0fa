package defectlens.app.review;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import defectlens.app.MainWindow;
import defectlens.app.TinySemModel;
import defectlens.app.common.MainViewModel;
import defectlens.app.common.RecentItems;
import defectlens.app.sem.ThumbnailCache;
import defectlens.app.task.FxTaskExecutor;
import defectlens.app.wafer.WaferViewModel;
import defectlens.dataset.DatasetOpener;
import defectlens.review.QueueOrder;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.TimeUnit;
import javafx.scene.Node;
import javafx.scene.Scene;
import javafx.scene.control.Label;
import javafx.scene.control.ListView;
import javafx.scene.control.ScrollPane;
import javafx.scene.input.KeyCode;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/**
 * The review desk in the real window on the shipped SEM demo set, driven by keyboard and mouse (the export is
 * started from the view-model: a native file chooser cannot be driven).
 */
@ExtendWith(ApplicationExtension.class)
class ReviewDeskFxTest {
    static final Path DEMO = Path.of("datasets/sem-demo");

    @TempDir
    static Path home;

    Stage stage;
    final List<FxTaskExecutor> executors = new ArrayList<>();
    final List<Throwable> errors = new ArrayList<>();
    MainWindow window;
    MainViewModel vm;

    @Start
    void start(Stage stage) {
        this.stage = stage;
        window = newWindow();
        stage.setScene(new Scene(window, 1400, 860));
        stage.sizeToScene(); // the primary stage is shared by all TestFX classes: take this scene's size
        stage.show();
    }

    /** A window as the application makes it, with its own executor (a restart). */
    private MainWindow newWindow() {
        FxTaskExecutor tasks = new FxTaskExecutor();
        tasks.setErrorHandler((title, e) -> errors.add(e));
        executors.add(tasks);
        vm = new MainViewModel(tasks, new RecentItems(home.resolve("recent.json")));
        return new MainWindow(vm, new WaferViewModel(tasks), new ThumbnailCache(tasks));
    }

    @AfterEach
    void stop() {
        executors.forEach(FxTaskExecutor::shutdown);
    }

    private void waitFor(Callable<Boolean> condition) throws Exception {
        WaitForAsyncUtils.waitFor(120, TimeUnit.SECONDS, () -> {
            if (!errors.isEmpty()) {
                throw new AssertionError("error in the window", errors.get(0));
            }
            return condition.call();
        });
        WaitForAsyncUtils.waitForFxEvents();
    }

    @Test
    void tenDecisionsByKeyboardSurviveARestartAndAConfusionCellFillsTheQueue(FxRobot robot) throws Exception {
        Path model = TinySemModel.save(home.resolve("tiny"), DatasetOpener.open(DEMO).classes(), 7);
        Path dir = home.resolve("review");
        WaitForAsyncUtils.asyncFx(() -> {
            vm.openDataset(DEMO);
            vm.openModel(model);
        });
        waitFor(() -> vm.datasetProperty().get() != null && vm.modelProperty().get() != null);
        ReviewViewModel review = window.semReview();
        WaitForAsyncUtils.asyncFx(() -> review.createSem(dir, "ana", vm.datasetProperty().get(), "tiny", model,
                vm.modelProperty().get().classifier().classes()));
        waitFor(() -> review.sessionProperty().get() != null);
        robot.clickOn("#semReviewClassify");
        waitFor(() -> review.sessionProperty().get().table().doneCount() == 48 && !review.busyProperty().get()
                && review.queue().items().size() == 48);

        robot.clickOn("#semReviewQueue"); // a click on a row brings that item to the front
        WaitForAsyncUtils.waitForFxEvents();
        int start = review.queue().positionProperty().get();
        List<Integer> decided = new ArrayList<>();
        KeyCode[] keys = {KeyCode.A, KeyCode.DIGIT2, KeyCode.U, KeyCode.A, KeyCode.DIGIT6, KeyCode.A, KeyCode.A,
            KeyCode.DIGIT1, KeyCode.PAGE_DOWN, KeyCode.U, KeyCode.A};
        for (KeyCode k : keys) {
            if (k != KeyCode.PAGE_DOWN) {
                decided.add(review.queue().itemProperty().get());
            }
            robot.type(k);
            WaitForAsyncUtils.waitForFxEvents();
        }
        waitFor(() -> review.sessionProperty().get().ledger().decidedCount() == 10
                && "Saved".equals(review.decisions().saveStateProperty().get()));
        assertEquals(start + 11, review.queue().positionProperty().get(),
                "10 decisions and one PgDn moved on 11 places");
        String progress = robot.lookup("#semReviewProgress").queryAs(Label.class).getText();
        assertTrue(progress.startsWith("10 of 48 decided, 10 this session"), progress);
        assertEquals("Saved", robot.lookup("#semReviewSaved").queryAs(Label.class).getText());
        assertTrue(robot.lookup("#semReviewKeys").queryAs(Node.class).isVisible());

        WaitForAsyncUtils.asyncFx(() -> {
            window.closeReviews();
            window = newWindow();
            stage.getScene().setRoot(window);
            window.openReview(dir, "ana");
        }).get(10, TimeUnit.SECONDS);
        ReviewViewModel again = window.semReview();
        waitFor(() -> again.sessionProperty().get() != null && vm.datasetProperty().get() != null);
        ReviewSession s = again.sessionProperty().get();
        assertEquals(48, s.table().doneCount(), "the predictions come from the review's cache, not a new run");
        assertTrue(again.statusProperty().get().startsWith("48 of 48 items have a prediction"),
                again.statusProperty().get());
        assertEquals(10, s.ledger().decidedCount());
        for (int i : decided) {
            assertTrue(s.ledger().isDecided(i), "item " + i);
        }
        @SuppressWarnings("unchecked")
        ListView<Integer> queue = robot.lookup("#semReviewQueue").queryAs(ListView.class);
        assertEquals(48, queue.getItems().size());
        assertTrue(robot.lookup(".list-cell").queryAll().stream().anyMatch(n -> n instanceof javafx.scene.control
                .ListCell<?> c && c.getText() != null && c.getText().startsWith("\u2714")), "accepted rows show \u2714");

        Path exported = home.resolve("corrected");
        WaitForAsyncUtils.asyncFx(() -> again.export(ReviewExport.CARINTHIA, exported)).get(10, TimeUnit.SECONDS);
        waitFor(() -> again.statusProperty().get().startsWith("Exported "));
        java.util.Map<String, Integer> corrected = new java.util.TreeMap<>();
        for (int i = 0; i < s.table().size(); i++) {
            corrected.merge(s.truth(i), 1, Integer::sum);
        }
        java.util.Map<String, Integer> opened = new java.util.TreeMap<>(DatasetOpener.open(exported).classCounts());
        opened.values().removeIf(n -> n == 0);
        assertEquals(corrected, opened, "the exported data set opens with the corrected counts");
        assertTrue(!corrected.equals(new java.util.TreeMap<>(DatasetOpener.open(DEMO).classCounts())),
                "the relabels changed the counts");

        waitFor(() -> again.confusion().countsProperty().get() != null);
        ConfusionCounts counts = again.confusion().countsProperty().get();
        assertNotNull(counts);
        int t = -1;
        int p = -1;
        for (int a = 0; a < counts.classes().size() && t < 0; a++) {
            for (int b = 0; b < counts.classes().size(); b++) {
                if (a != b && counts.count(a, b) > 0) {
                    t = a;
                    p = b;
                    break;
                }
            }
        }
        assertTrue(t >= 0, "an off-diagonal cell");
        String cellId = "#semReviewConfusion #cell-" + t + "-" + p;
        Node cell = robot.lookup(cellId).query();
        WaitForAsyncUtils.asyncFx(() -> {
            for (Node n = cell; n != null; n = n.getParent()) {
                if (n instanceof ScrollPane sp) {
                    sp.setVvalue(sp.getVmax());
                }
            }
        }).get(10, TimeUnit.SECONDS);
        WaitForAsyncUtils.waitForFxEvents();
        robot.clickOn(cell);
        int expected = counts.count(t, p);
        waitFor(() -> again.queue().specProperty().get().order() == QueueOrder.CONFUSION_CELL);
        assertEquals(expected, again.queue().items().size());
        for (int i : again.queue().items()) {
            assertEquals(counts.classes().get(p), s.table().predictedName(i));
            assertEquals(counts.classes().get(t), s.truth(i));
        }
    }
}
