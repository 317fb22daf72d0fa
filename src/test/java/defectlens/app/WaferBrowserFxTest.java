package defectlens.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import defectlens.wafer.WaferMap;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import javafx.scene.Scene;
import javafx.scene.control.Label;
import javafx.scene.control.TableView;
import javafx.scene.image.ImageView;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/** The wafer tab on the shipped 200-wafer WM-811K sample. */
@ExtendWith(ApplicationExtension.class)
class WaferBrowserFxTest {
    @TempDir
    static Path home;

    BackgroundTasks tasks;
    WaferViewModel wafers;
    MainWindow window;

    @Start
    void start(Stage stage) {
        tasks = new BackgroundTasks();
        wafers = new WaferViewModel(tasks);
        MainViewModel vm = new MainViewModel(tasks, new RecentItems(home.resolve("recent.json")));
        window = new MainWindow(vm, wafers, new ThumbnailCache(tasks.thumbnails()));
        stage.setScene(new Scene(window, 1200, 800));
        stage.show();
    }

    @AfterEach
    void stop() {
        tasks.shutdown();
    }

    @Test
    void openFilterAndShowAWafer(FxRobot robot) throws Exception {
        WaitForAsyncUtils.asyncFx(() -> window.openWafers(Path.of("datasets/wm811k/LSWMD_sample.pkl")));
        WaitForAsyncUtils.waitFor(30, TimeUnit.SECONDS, () -> wafers.datasetProperty().get() != null);
        WaitForAsyncUtils.waitForFxEvents();
        TableView<Integer> table = robot.lookup("#waferTable").queryTableView();
        assertEquals(200, table.getItems().size());
        int donuts = wafers.datasetProperty().get().classCounts().get("Donut");

        robot.clickOn("#waferClassFilter").clickOn("Donut");
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals(donuts, table.getItems().size());
        int third = table.getItems().get(2);
        robot.clickOn(String.valueOf(third));
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals(third, wafers.selectedProperty().get());
        String title = robot.lookup("#waferTitle").queryAs(Label.class).getText();
        assertTrue(title.contains("#" + third) && title.contains("Donut"), title);
        WaferMap m = wafers.selectedMap();
        ImageView picture = robot.lookup("#waferPicture").queryAs(ImageView.class);
        assertNotNull(picture.getImage());
        double perDie = picture.getImage().getWidth() / m.cols();
        assertEquals(m.rows() * perDie, picture.getImage().getHeight(), 1e-9);
        // a failing die is drawn in the fail colour
        int r = -1;
        int c = -1;
        for (int i = 0; i < m.rows() && r < 0; i++) {
            for (int j = 0; j < m.cols(); j++) {
                if (m.die(i, j) == WaferMap.FAIL) {
                    r = i;
                    c = j;
                    break;
                }
            }
        }
        int argb = picture.getImage().getPixelReader().getArgb((int) (c * perDie), (int) (r * perDie));
        assertEquals(defectlens.wafer.WaferMapPicture.FAIL_ARGB, argb);

        robot.type(javafx.scene.input.KeyCode.DOWN);
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals((int) table.getItems().get(3), wafers.selectedProperty().get());
    }
}
