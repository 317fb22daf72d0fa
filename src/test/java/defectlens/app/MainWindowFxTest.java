package defectlens.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import defectlens.app.common.Dialogs;
import defectlens.app.common.MainViewModel;
import defectlens.app.common.RecentItems;
import defectlens.app.sem.ThumbnailCache;
import defectlens.app.task.FxTaskExecutor;
import defectlens.app.wafer.WaferViewModel;
import defectlens.dataset.SemSample;
import defectlens.image.BinaryMask;
import defectlens.image.MaskOverlay;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.concurrent.TimeUnit;
import javafx.geometry.Point2D;
import javafx.geometry.VerticalDirection;
import javafx.scene.Scene;
import javafx.scene.control.CheckBox;
import javafx.scene.control.Label;
import javafx.scene.control.ListView;
import javafx.scene.image.WritableImage;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/** Drives the real window on the shipped demo data set, as a user would. */
@ExtendWith(ApplicationExtension.class)
public class MainWindowFxTest {
    public static final Path DEMO = Path.of("datasets/sem-demo");

    @TempDir
    static Path home;

    FxTaskExecutor tasks;
    MainViewModel vm;
    MainWindow window;

    @Start
    void start(Stage stage) {
        tasks = new FxTaskExecutor();
        vm = new MainViewModel(tasks, new RecentItems(home.resolve("recent.json")));
        window = new MainWindow(vm, new WaferViewModel(tasks), new ThumbnailCache(tasks));
        tasks.setErrorHandler((title, e) -> Dialogs.showError(stage, title, e));
        stage.setScene(new Scene(window, 1200, 800));
        stage.sizeToScene(); // the primary stage is shared by all TestFX classes: take this scene's size
        stage.show();
    }

    @AfterEach
    void stop() {
        tasks.shutdown();
    }

    private void waitFor(java.util.concurrent.Callable<Boolean> condition) throws Exception {
        WaitForAsyncUtils.waitFor(20, TimeUnit.SECONDS, condition);
        WaitForAsyncUtils.waitForFxEvents();
    }

    /** The colour the viewer shows at the centre of image pixel (x, y). */
    private int shownAt(int x, int y) throws Exception {
        return WaitForAsyncUtils.asyncFx(() -> {
            WritableImage snap = window.viewer().snapshot(null, null);
            Point2D p = window.viewer().screenOf(x, y);
            return snap.getPixelReader().getArgb((int) p.getX(), (int) p.getY());
        }).get(10, TimeUnit.SECONDS);
    }

    private static int red(int argb) {
        return (argb >> 16) & 0xFF;
    }

    private static int green(int argb) {
        return (argb >> 8) & 0xFF;
    }

    @Test
    void browseZoomAndToggleTheMask(FxRobot robot) throws Exception {
        WaitForAsyncUtils.asyncFx(() -> vm.openDataset(DEMO));
        waitFor(() -> vm.imageProperty().get() != null);
        ListView<SemSample> list = robot.lookup("#browserList").queryListView();
        assertEquals(48, list.getItems().size());

        // pick a line-collapse image with the class filter and the mouse
        robot.clickOn("#classFilter").clickOn("line_collapse");
        waitFor(() -> list.getItems().size() == 8);
        SemSample third = list.getItems().get(2);
        robot.clickOn(third.fileName());
        waitFor(() -> vm.imageProperty().get() != null && vm.imageProperty().get().sample() == third);
        assertEquals(third.fileName(), robot.lookup("#infoFile").queryAs(Label.class).getText());
        assertTrue(robot.lookup("#infoMask").queryAs(Label.class).getText().startsWith("yes"));
        assertEquals("line_collapse", robot.lookup("#infoClass").queryAs(Label.class).getText());

        // keyboard down moves to the next image
        robot.type(javafx.scene.input.KeyCode.DOWN);
        waitFor(() -> vm.imageProperty().get().sample() == list.getItems().get(3));
        SemSample shown = list.getItems().get(3);

        // zoom towards the cursor with the wheel: the image point under the cursor stays put
        double before = window.viewer().zoomProperty().get();
        Point2D centre = window.viewer().localToScreen(window.viewer().getWidth() / 2, window.viewer().getHeight() / 2);
        robot.moveTo(centre);
        Point2D local = window.viewer().screenToLocal(centre);
        double ix = local.getX();
        Point2D pixelBefore = imagePointAt(local);
        robot.scroll(3, VerticalDirection.UP);
        WaitForAsyncUtils.waitForFxEvents();
        double after = window.viewer().zoomProperty().get();
        assertNotEquals(before, after, 1e-6);
        Point2D pixelAfter = imagePointAt(local);
        assertEquals(pixelBefore.getX(), pixelAfter.getX(), 0.5);
        assertEquals(pixelBefore.getY(), pixelAfter.getY(), 0.5);
        assertTrue(robot.lookup("#cursorInfo").queryAs(Label.class).getText().contains("value"), "pixel value under the cursor");
        assertTrue(ix > 0);

        // fill the mask and find a defect pixel: red while the layer shows, gray when toggled off
        WaitForAsyncUtils.asyncFx(() -> vm.maskStyleProperty().set(MaskOverlay.Style.FILL)).get();
        WaitForAsyncUtils.asyncFx(() -> window.viewer().fit()).get();
        WaitForAsyncUtils.waitForFxEvents();
        BinaryMask mask = vm.imageProperty().get().mask();
        assertFalse(mask.isEmpty());
        int[] defect = interiorPixel(mask);
        int on = shownAt(defect[0], defect[1]);
        assertTrue(red(on) > green(on) + 60, "mask shown in red: " + Integer.toHexString(on));
        CheckBox layerVisible = robot.lookup("#layerVisible").queryAs(CheckBox.class);
        scrollIntoView(layerVisible);
        robot.clickOn(layerVisible);
        waitFor(() -> !vm.maskLayer().visibleProperty().get());
        int off = shownAt(defect[0], defect[1]);
        assertTrue(Math.abs(red(off) - green(off)) < 10, "mask hidden, SEM gray: " + Integer.toHexString(off));
        assertEquals(shown, vm.selectedProperty().get());
        assertTrue(robot.lookup("#layerVisible").queryAs(CheckBox.class).isVisible());
    }

    /** Scrolls the side panel until the node lies inside its viewport, so a robot click lands on it. */
    private void scrollIntoView(javafx.scene.Node node) throws Exception {
        WaitForAsyncUtils.asyncFx(() -> {
            javafx.scene.Node p = node.getParent();
            while (p != null && !(p instanceof javafx.scene.control.ScrollPane)) {
                p = p.getParent();
            }
            if (p instanceof javafx.scene.control.ScrollPane scroll) {
                javafx.scene.Node content = scroll.getContent();
                javafx.geometry.Bounds inContent = content.sceneToLocal(node.localToScene(node.getBoundsInLocal()));
                double hidden = content.getBoundsInLocal().getHeight() - scroll.getViewportBounds().getHeight();
                if (hidden > 0) {
                    double centre = inContent.getMinY() + inContent.getHeight() / 2 - scroll.getViewportBounds().getHeight() / 2;
                    scroll.setVvalue(Math.max(0, Math.min(1, centre / hidden)));
                }
            }
        }).get(10, TimeUnit.SECONDS);
        WaitForAsyncUtils.waitForFxEvents();
    }

    private Point2D imagePointAt(Point2D local) throws Exception {
        return WaitForAsyncUtils.asyncFx(() -> {
            Point2D origin = window.viewer().screenOf(0, 0);
            Point2D one = window.viewer().screenOf(1, 1);
            double s = one.getX() - origin.getX();
            return new Point2D((local.getX() - origin.getX()) / s, (local.getY() - origin.getY()) / s);
        }).get();
    }

    private static int[] interiorPixel(BinaryMask m) {
        for (int y = 1; y < m.height() - 1; y++) {
            for (int x = 1; x < m.width() - 1; x++) {
                if (m.get(x, y) && !m.isEdge(x, y)) {
                    return new int[] {x, y};
                }
            }
        }
        throw new AssertionError("no interior defect pixel");
    }

    @Test
    void aBadFileEndsInADialogAndTheWindowKeepsWorking(FxRobot robot) throws Exception {
        Path bad = Files.createTempDirectory(home, "bad").resolve("cut.jpg");
        byte[] jpg = Files.readAllBytes(DEMO.resolve("data/images/sem_000001.jpg"));
        Files.write(bad, Arrays.copyOf(jpg, jpg.length / 3));
        WaitForAsyncUtils.asyncFx(() -> vm.openDataset(bad));
        waitFor(() -> robot.lookup((Label l) -> l.getText() != null && l.getText().contains("cut.jpg")
                && l.getText().contains("truncated")).tryQuery().isPresent());
        robot.type(javafx.scene.input.KeyCode.ENTER);
        WaitForAsyncUtils.asyncFx(() -> vm.openDataset(DEMO));
        waitFor(() -> vm.imageProperty().get() != null);
        assertNotNull(vm.datasetProperty().get());
        assertEquals(48, vm.datasetProperty().get().size());
    }
}
