package defectlens.app.sem;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import defectlens.app.MainWindowFxTest;
import defectlens.app.common.Dialogs;
import defectlens.app.common.MainViewModel;
import defectlens.app.common.RecentItems;
import defectlens.app.task.FxTaskExecutor;
import defectlens.model.EfficientNetV2Config;
import defectlens.model.ModelBundle;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import java.util.concurrent.TimeUnit;
import javafx.scene.Scene;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.layout.BorderPane;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/** Trains a tiny model on the demo data set from the Train dialog: live chart, open the result, cancel. */
@ExtendWith(ApplicationExtension.class)
class TrainingDialogFxTest {
    @TempDir
    static Path home;

    FxTaskExecutor tasks;
    MainViewModel vm;
    Stage owner;
    final java.util.List<String> errors = new java.util.concurrent.CopyOnWriteArrayList<>();

    @Start
    void start(Stage stage) {
        owner = stage;
        tasks = new FxTaskExecutor();
        vm = new MainViewModel(tasks, new RecentItems(home.resolve("recent.json")));
        tasks.setErrorHandler((title, e) -> errors.add(title + ": " + Dialogs.messageOf(e)));
        stage.setScene(new Scene(new BorderPane(), 300, 200));
        stage.sizeToScene(); // the primary stage is shared by all TestFX classes: take this scene's size
        stage.setX(0);
        stage.setY(0);
        stage.setWidth(300);
        stage.setHeight(200);
        stage.show();
    }

    @AfterEach
    void stop() throws Exception {
        tasks.shutdown();
        WaitForAsyncUtils.asyncFx(() -> javafx.stage.Window.getWindows().stream().filter(w -> w != owner).toList()
                .forEach(javafx.stage.Window::hide)).get(10, TimeUnit.SECONDS);
    }

    private static void waitFor(Callable<Boolean> condition) throws Exception {
        WaitForAsyncUtils.waitFor(90, TimeUnit.SECONDS, condition);
        WaitForAsyncUtils.waitForFxEvents();
    }

    private TrainingDialog open(int epochs, Path out) throws Exception {
        TrainingViewModel t = WaitForAsyncUtils.asyncFx(() -> new TrainingViewModel(vm)).get(10, TimeUnit.SECONDS);
        t.inputSizeProperty().set(32);
        t.epochsProperty().set(epochs);
        WaitForAsyncUtils.asyncFx(() -> {
            t.outputProperty().set(out);
            TrainingDialog.show(owner, t);
        }).get(10, TimeUnit.SECONDS);
        WaitForAsyncUtils.waitForFxEvents();
        return WaitForAsyncUtils.asyncFx(TrainingDialogFxTest::dialog).get(10, TimeUnit.SECONDS);
    }

    private static TrainingDialog dialog() {
        return javafx.stage.Window.getWindows().stream()
                .filter(javafx.stage.Window::isShowing)
                .map(w -> w.getScene().getRoot())
                .filter(TrainingDialog.class::isInstance)
                .map(TrainingDialog.class::cast)
                .reduce((a, b) -> b).orElseThrow();
    }

    @Test
    void trainTwoEpochsWithALiveChartThenOpenTheModelAndCancelAnotherRun(FxRobot robot) throws Exception {
        WaitForAsyncUtils.asyncFx(() -> vm.openDataset(MainWindowFxTest.DEMO));
        waitFor(() -> vm.datasetProperty().get() != null);

        Path out = home.resolve("trained");
        TrainingDialog dialog = open(2, out);
        assertEquals(EfficientNetV2Config.TINY, dialog.lookup("#trainArchitecture") instanceof javafx.scene.control.ChoiceBox<?> cb
                ? cb.getValue() : null);
        assertTrue(((Label) dialog.lookup("#trainData")).getText().contains("48 images"));
        robot.clickOn("#trainStart");
        waitFor(() -> dialog.chart().getData().get(2).getData().size() == 2
                && !((Button) dialog.lookup("#trainStart")).isDisabled());
        assertEquals(2, dialog.chart().getData().get(0).getData().size(), "training loss per epoch");
        assertTrue(Files.isRegularFile(out.resolve(ModelBundle.MANIFEST)));
        String status = ((Label) dialog.lookup("#trainStatus")).getText();
        assertTrue(status.startsWith("Done after 2 epochs"), status);
        Button openModel = (Button) dialog.lookup("#trainOpenModel");
        assertFalse(openModel.isDisabled());
        robot.interact(openModel::fire);
        waitFor(() -> vm.modelProperty().get() != null || !errors.isEmpty());
        assertEquals(java.util.List.of(), errors);
        assertEquals(out, vm.modelProperty().get().dir());
        robot.interact(((Button) dialog.lookup("#trainClose"))::fire);
        WaitForAsyncUtils.waitForFxEvents();

        // a long run, cancelled during its first epoch: stops between batches
        Path long_ = home.resolve("cancelled");
        TrainingDialog second = open(50, long_);
        robot.clickOn("#trainStart");
        waitFor(() -> ((Label) second.lookup("#trainStatus")).getText().contains(": epoch "));
        int epochsBeforeCancel = WaitForAsyncUtils.asyncFx(
                () -> second.chart().getData().get(0).getData().size()).get(10, TimeUnit.SECONDS);
        robot.interact(((Button) second.lookup("#trainCancel"))::fire);
        waitFor(() -> !((Button) second.lookup("#trainStart")).isDisabled());
        String cancelled = ((Label) second.lookup("#trainStatus")).getText();
        assertTrue(cancelled.startsWith("Cancelled"), cancelled);
        int epochsAfterCancel = second.chart().getData().get(0).getData().size();
        assertTrue(epochsAfterCancel < 50, "stopped before the end");
        // epochs of 32 px images take a fraction of a second, so one may finish between reading the chart
        // and the click; the run must stop within the epoch that was running when the click landed
        assertTrue(epochsAfterCancel <= epochsBeforeCancel + 2,
                "stopped within an epoch of the click: " + epochsBeforeCancel + " -> " + epochsAfterCancel);
        robot.interact(((Button) second.lookup("#trainClose"))::fire);
    }

    @Test
    void outputDefaultsToTheUserDataFolderAndEnterDoesNotTrain(FxRobot robot) throws Exception {
        WaitForAsyncUtils.asyncFx(() -> vm.openDataset(MainWindowFxTest.DEMO));
        waitFor(() -> vm.datasetProperty().get() != null);
        TrainingViewModel byDefault = WaitForAsyncUtils.asyncFx(() -> new TrainingViewModel(vm)).get(10, TimeUnit.SECONDS);
        Path user = defectlens.core.UserFolders.current().data().resolve("models");
        assertEquals(user, byDefault.outputProperty().get().getParent(), "under the user's data folder");
        assertFalse(byDefault.outputProperty().get().startsWith(Path.of("").toAbsolutePath()),
                "never inside the program's folder: " + byDefault.outputProperty().get());

        Path models = Files.createDirectories(home.resolve("models"));
        Files.createDirectories(models.resolve("sem-demo-model"));
        TrainingViewModel t = WaitForAsyncUtils.asyncFx(() -> new TrainingViewModel(vm, models)).get(10, TimeUnit.SECONDS);
        assertEquals(models.resolve("sem-demo-model-2"), t.outputProperty().get(), "an existing bundle is kept");

        WaitForAsyncUtils.asyncFx(() -> TrainingDialog.show(owner, t)).get(10, TimeUnit.SECONDS);
        WaitForAsyncUtils.waitForFxEvents();
        Button train = robot.lookup("#trainStart").queryButton();
        assertFalse(train.isDefaultButton());
        // crop training and the evidence loss: the weight waits for a crop window
        javafx.scene.control.Spinner<?> evidence = robot.lookup("#trainEvidence").queryAs(javafx.scene.control.Spinner.class);
        assertTrue(evidence.isDisabled(), "no evidence loss without crops");
        robot.interact(() -> ((javafx.scene.control.Spinner<?>) robot.lookup("#trainCrop").query()).getValueFactory()
                .increment(6));
        assertEquals(192, t.cropWindowProperty().get());
        assertFalse(evidence.isDisabled());
        robot.interact(() -> evidence.getValueFactory().increment(2));
        assertEquals(192, t.options().crops().window());
        assertEquals(96, t.options().crops().stride());
        assertEquals(1f, t.options().evidenceWeight());
        robot.clickOn("#trainSeed").type(javafx.scene.input.KeyCode.ENTER);
        WaitForAsyncUtils.waitForFxEvents();
        assertFalse(t.runningProperty().get(), "Enter in a field must not start a training");
        assertTrue(t.epochReports().isEmpty());
        robot.interact(((Button) robot.lookup("#trainClose").query())::fire);
    }
}
