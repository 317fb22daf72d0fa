package defectlens.app.sem;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import defectlens.app.MainWindow;
import defectlens.app.MainWindowFxTest;
import defectlens.app.TinySemModel;
import defectlens.app.common.BackgroundTasks;
import defectlens.app.common.Dialogs;
import defectlens.app.common.MainViewModel;
import defectlens.app.common.RecentItems;
import defectlens.app.wafer.WaferViewModel;
import defectlens.dataset.DatasetOpener;
import defectlens.dataset.SemSample;
import defectlens.model.Prediction;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import java.util.concurrent.TimeUnit;
import javafx.scene.Scene;
import javafx.scene.control.Label;
import javafx.scene.control.ListView;
import javafx.scene.control.ProgressBar;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/** Classifies the demo data set from the Model menu and reviews the predictions in the browser. */
@ExtendWith(ApplicationExtension.class)
class ClassificationFxTest {
    static final Path DEMO = MainWindowFxTest.DEMO;

    @TempDir
    static Path home;

    static Path model;

    BackgroundTasks tasks;
    MainViewModel vm;
    MainWindow window;

    @BeforeAll
    static void tinyModel() {
        model = TinySemModel.save(home.resolve("tiny"), DatasetOpener.open(DEMO).classes(), 7);
    }

    @Start
    void start(Stage stage) {
        tasks = new BackgroundTasks();
        vm = new MainViewModel(tasks, new RecentItems(home.resolve("recent.json")));
        window = new MainWindow(vm, new WaferViewModel(tasks), new ThumbnailCache(tasks.thumbnails()));
        vm.setErrorHandler((title, e) -> Dialogs.showError(stage, title, e));
        stage.setScene(new Scene(window, 1200, 800));
        stage.sizeToScene(); // the primary stage is shared by all TestFX classes: take this scene's size
        stage.show();
    }

    @AfterEach
    void stop() {
        tasks.shutdown();
    }

    private static void waitFor(Callable<Boolean> condition) throws Exception {
        WaitForAsyncUtils.waitFor(60, TimeUnit.SECONDS, condition);
        WaitForAsyncUtils.waitForFxEvents();
    }

    @Test
    void classifyTheDataSetThenFilterAndSortByConfidence(FxRobot robot) throws Exception {
        WaitForAsyncUtils.asyncFx(() -> vm.openDataset(DEMO));
        waitFor(() -> vm.imageProperty().get() != null);
        WaitForAsyncUtils.asyncFx(() -> vm.openModel(model));
        waitFor(() -> vm.modelProperty().get() != null);
        ClassificationViewModel c = window.classification();
        ListView<SemSample> list = robot.lookup("#browserList").queryListView();
        assertEquals(48, list.getItems().size());
        assertTrue(robot.lookup("#topClass0").tryQuery().isEmpty(), "no prediction before classifying");

        // the current image from the menu: top-3 in the information panel
        robot.clickOn("Model").clickOn("Classify image");
        waitFor(() -> c.count() == 1 && !c.busyProperty().get());
        SemSample first = vm.selectedProperty().get();
        Prediction p = c.predictionOf(first);
        assertNotNull(p);
        assertEquals(p.label(), robot.lookup("#topClass0").queryAs(Label.class).getText());
        double sum = 0;
        for (int i = 0; i < 3; i++) {
            String pct = robot.lookup("#topPercent" + i).queryAs(Label.class).getText();
            assertEquals(String.format(Locale.ROOT, "%.1f %%", 100 * p.top().get(i).probability()), pct);
            assertEquals(p.top().get(i).probability(), robot.lookup("#topBar" + i).queryAs(ProgressBar.class).getProgress(), 1e-9);
            sum += p.top().get(i).probability();
        }
        assertTrue(sum <= 1.0 + 1e-6);

        // the whole data set: every row gains its prediction line
        robot.clickOn("Model").clickOn("Classify data set");
        waitFor(() -> c.count() == 48 && !c.busyProperty().get());
        assertTrue(robot.lookup("#classifyStatus").queryAs(Label.class).getText().startsWith("48 of 48 images classified"));
        assertEquals(first, list.getSelectionModel().getSelectedItem(), "the highlighted row survives re-filtering");
        List<Label> lines = robot.lookup((Label l) -> l.isVisible() && l.getText() != null
                && l.getText().startsWith("predicted ")).queryAllAs(Label.class).stream().toList();
        assertFalse(lines.isEmpty(), "predicted class and confidence in the browser cells");
        SemSample top = list.getItems().get(0);
        assertTrue(lines.stream().anyMatch(l -> l.getText().equals(PredictionCells.text(c.predictionOf(top)))));

        // "prediction differs from label" keeps exactly the disagreeing images
        long differing = list.getItems().stream().filter(c::differsFromLabel).count();
        robot.clickOn("#differsFilter");
        waitFor(() -> list.getItems().size() == differing);
        assertTrue(list.getItems().stream().allMatch(c::differsFromLabel));
        robot.clickOn("#differsFilter");
        waitFor(() -> list.getItems().size() == 48);

        // least certain first
        robot.clickOn("#confidenceSort");
        WaitForAsyncUtils.waitForFxEvents();
        double previous = -1;
        for (SemSample s : list.getItems()) {
            double conf = c.predictionOf(s).confidence();
            assertTrue(conf >= previous, "ascending confidence");
            previous = conf;
        }
        double min = list.getItems().stream().mapToDouble(s -> c.predictionOf(s).confidence()).min().orElseThrow();
        assertEquals(min, c.predictionOf(list.getItems().get(0)).confidence(), 0);
        assertEquals(first, list.getSelectionModel().getSelectedItem(), "the highlighted row survives sorting");
        robot.clickOn("#confidenceSort");
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals(vm.datasetProperty().get().samples(), List.copyOf(list.getItems()));

        // another model: the predictions are gone
        WaitForAsyncUtils.asyncFx(() -> vm.openModel(model));
        waitFor(() -> c.count() == 0);
        assertTrue(robot.lookup("#topClass0").tryQuery().isEmpty());
    }
}
