package defectlens.app.mask;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import defectlens.app.MainWindow;
import defectlens.app.MainWindowFxTest;
import defectlens.app.common.Dialogs;
import defectlens.app.common.MainViewModel;
import defectlens.app.common.RecentItems;
import defectlens.app.sem.ImageViewer;
import defectlens.app.sem.ThumbnailCache;
import defectlens.app.task.FxTaskExecutor;
import defectlens.app.wafer.WaferViewModel;
import defectlens.cli.DefectLensCommand;
import defectlens.dataset.DatasetLayout;
import defectlens.dataset.DatasetOpener;
import defectlens.dataset.SemDataset;
import defectlens.dataset.SemSample;
import defectlens.image.BinaryMask;
import defectlens.mask.MaskEditor;
import defectlens.mask.MaskState;
import defectlens.mask.MaskTool;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import javafx.geometry.Point2D;
import javafx.scene.Scene;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyCodeCombination;
import javafx.scene.input.KeyCombination;
import javafx.scene.input.MouseButton;
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

/**
 * The mask editor as an expert uses it: brush, undo, redo, eraser, accept with the keyboard; then a new window on
 * the same folder finds the accepted mask on disk in the Carinthia-S layout, counted by {@code dataset info}.
 */
@ExtendWith(ApplicationExtension.class)
class MaskEditorFxTest {
    @TempDir
    static Path home;

    static Path demo;

    Stage stage;
    FxTaskExecutor tasks;
    MainViewModel vm;
    MainWindow window;

    @BeforeAll
    static void copyDemo() throws IOException {
        demo = home.resolve("sem-demo");
        try (Stream<Path> files = Files.walk(MainWindowFxTest.DEMO)) {
            for (Path p : files.toList()) {
                Path to = demo.resolve(MainWindowFxTest.DEMO.relativize(p).toString());
                if (Files.isDirectory(p)) {
                    Files.createDirectories(to);
                } else {
                    Files.copy(p, to);
                }
            }
        }
    }

    @Start
    void start(Stage s) {
        stage = s;
        tasks = new FxTaskExecutor();
        tasks.setErrorHandler((title, e) -> Dialogs.showError(stage, title, e));
        newWindow();
        stage.show();
    }

    private void newWindow() {
        vm = new MainViewModel(tasks, new RecentItems(home.resolve("recent.json")));
        window = new MainWindow(vm, new WaferViewModel(tasks), new ThumbnailCache(tasks));
        stage.setScene(new Scene(window, 1200, 800));
        stage.sizeToScene();
    }

    @AfterEach
    void stop() {
        window.masks().close();
        tasks.shutdown();
    }

    private static void waitFor(Callable<Boolean> condition) throws Exception {
        WaitForAsyncUtils.waitFor(60, TimeUnit.SECONDS, condition);
        WaitForAsyncUtils.waitForFxEvents();
    }

    private Point2D screen(int x, int y) {
        ImageViewer v = window.viewer();
        Point2D local = v.screenOf(x, y);
        return v.localToScreen(local.getX(), local.getY());
    }

    private void stroke(FxRobot robot, int x0, int y0, int x1, int y1) {
        robot.drag(screen(x0, y0), MouseButton.PRIMARY).moveTo(screen((x0 + x1) / 2, (y0 + y1) / 2))
                .moveTo(screen(x1, y1)).release(MouseButton.PRIMARY);
        WaitForAsyncUtils.waitForFxEvents();
    }

    @Test
    void drawUndoRedoEraseAcceptThenRestartFindsTheMaskOnDisk(FxRobot robot) throws Exception {
        robot.interact(() -> vm.openDataset(demo));
        waitFor(() -> vm.imageProperty().get() != null);
        SemSample first = vm.imageProperty().get().sample();
        robot.clickOn("#viewer");
        robot.push(new KeyCodeCombination(KeyCode.E, KeyCombination.SHORTCUT_DOWN));
        MaskEditViewModel masks = window.masks();
        assertTrue(masks.editingProperty().get(), "Ctrl+E turned edit mode on");
        waitFor(() -> masks.editor() != null);
        MaskEditor ed = masks.editor();
        long start = ed.raster().area();
        assertFalse(ed.raster().get(240, 100));

        stroke(robot, 150, 100, 330, 100);
        long drawn = ed.raster().area();
        assertTrue(drawn > start + 1000, "the brush painted: " + start + " -> " + drawn);
        assertTrue(ed.raster().get(240, 100));
        assertEquals(1, ed.stack().size(), "one stroke, one job");

        robot.push(new KeyCodeCombination(KeyCode.Z, KeyCombination.SHORTCUT_DOWN));
        assertEquals(start, ed.raster().area(), "Ctrl+Z took the stroke back");
        robot.push(new KeyCodeCombination(KeyCode.Z, KeyCombination.SHORTCUT_DOWN, KeyCombination.SHIFT_DOWN));
        assertEquals(drawn, ed.raster().area(), "Ctrl+Shift+Z applied it again");

        robot.type(KeyCode.X);
        assertEquals(MaskTool.ERASER, masks.toolProperty().get());
        stroke(robot, 240, 60, 240, 140);
        assertFalse(ed.raster().get(240, 100), "the eraser cleared the middle of the stroke");
        assertTrue(ed.raster().get(170, 100));
        BinaryMask expected = ed.raster().toBinaryMask();

        robot.type(KeyCode.ENTER);
        Path out = home.resolve("sem-demo-masks");
        Path csv = out.resolve("data/carinthia-s.csv");
        waitFor(() -> Files.isRegularFile(csv)
                && masks.validationQueue().validation().state(first) == MaskState.EDITED);

        robot.interact(() -> {
            window.masks().close();
            newWindow();
            vm.openDataset(demo);
        });
        waitFor(() -> vm.imageProperty().get() != null);
        robot.clickOn("#viewer");
        robot.push(new KeyCodeCombination(KeyCode.M, KeyCombination.SHORTCUT_DOWN, KeyCombination.SHIFT_DOWN));
        ValidationQueue queue = window.masks().validationQueue();
        waitFor(() -> queue.validation() != null && !queue.images().isEmpty());
        assertFalse(queue.images().contains(first), "the accepted image left the queue");
        assertEquals(MaskState.EDITED, queue.validation().state(first));

        SemDataset written = DatasetOpener.open(out);
        assertEquals(DatasetLayout.CARINTHIA_S, written.layout());
        assertEquals(1, written.maskCount());
        BinaryMask onDisk = BinaryMask.read(written.samples().get(0).mask());
        for (int y = 0; y < expected.height(); y++) {
            for (int x = 0; x < expected.width(); x++) {
                assertEquals(expected.get(x, y), onDisk.get(x, y), "pixel " + x + "," + y);
            }
        }
        StringWriter json = new StringWriter();
        assertEquals(0, DefectLensCommand.run(new PrintWriter(json), new PrintWriter(new StringWriter()), "dataset",
                "info", out.toString(), "--json"));
        assertTrue(json.toString().replace(" ", "").contains("\"masks\":1"), json.toString());
    }
}
