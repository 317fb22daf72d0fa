package defectlens.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import defectlens.app.common.MainViewModel;
import defectlens.app.common.RecentItems;
import defectlens.app.sem.ThumbnailCache;
import defectlens.app.task.FxTaskExecutor;
import defectlens.app.wafer.WaferViewModel;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import java.util.concurrent.TimeUnit;
import javafx.scene.Node;
import javafx.scene.Scene;
import javafx.scene.control.Menu;
import javafx.scene.control.MenuBar;
import javafx.scene.control.MenuItem;
import javafx.scene.control.SeparatorMenuItem;
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
 * The viewer's keys act wherever the focus is in the SEM tab (after a combo box or the layer choice took it) but not
 * while typing a search; the menus show every key and switch off what does not apply to the tab in front.
 */
@ExtendWith(ApplicationExtension.class)
class ViewerKeysFxTest {
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
        stage.setScene(new Scene(window, 1200, 800));
        stage.sizeToScene(); // the primary stage is shared by all TestFX classes: take this scene's size
        stage.show();
    }

    @AfterEach
    void stop() {
        tasks.shutdown();
    }

    private static void waitFor(Callable<Boolean> condition) throws Exception {
        WaitForAsyncUtils.waitFor(30, TimeUnit.SECONDS, condition);
        WaitForAsyncUtils.waitForFxEvents();
    }

    private double zoom() {
        return window.viewer().zoomProperty().get();
    }

    /** Zooms in with "=" (the + key), then checks that F fits again and 1 shows 1:1, with the focus where it is. */
    private void keysWork(FxRobot robot, String where) throws Exception {
        robot.type(KeyCode.F);
        WaitForAsyncUtils.waitForFxEvents();
        double fitted = zoom();
        robot.type(KeyCode.EQUALS);
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals(fitted * 1.25, zoom(), 1e-9, "+ zooms in, focus on " + where);
        robot.type(KeyCode.MINUS);
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals(fitted, zoom(), 1e-9, "- zooms out, focus on " + where);
        robot.type(KeyCode.DIGIT1);
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals(1.0, zoom(), 1e-9, "1 shows 1:1, focus on " + where);
        robot.type(KeyCode.F);
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals(fitted, zoom(), 1e-9, "F fits, focus on " + where);
        boolean shown = vm.maskLayer().visibleProperty().get();
        robot.type(KeyCode.M);
        WaitForAsyncUtils.waitForFxEvents();
        assertNotEquals(shown, vm.maskLayer().visibleProperty().get(), "M toggles the mask, focus on " + where);
        robot.type(KeyCode.M);
        WaitForAsyncUtils.waitForFxEvents();
    }

    @Test
    void viewerKeysWorkWhereverTheFocusIsInTheSemTab(FxRobot robot) throws Exception {
        WaitForAsyncUtils.asyncFx(() -> vm.openDataset(MainWindowFxTest.DEMO));
        waitFor(() -> vm.imageProperty().get() != null && vm.maskLayer() != null);

        robot.clickOn("#classFilter").clickOn("All classes");
        WaitForAsyncUtils.waitForFxEvents();
        assertTrue(robot.lookup("#classFilter").query().isFocused(), "the combo box took the focus");
        keysWork(robot, "the class combo box");

        Node layer = robot.lookup("#explainLayer").query();
        robot.interact(layer::requestFocus);
        assertTrue(layer.isFocused());
        keysWork(robot, "the layer choice");

        robot.interact(() -> robot.lookup("#browserList").query().requestFocus());
        keysWork(robot, "the browser list");

        // typing a search is typing: the keys stay in the field
        robot.clickOn("#search");
        double before = zoom();
        robot.type(KeyCode.F, KeyCode.DIGIT1);
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals(before, zoom(), 1e-9);
        assertEquals("f1", robot.lookup("#search").queryTextInputControl().getText());
    }

    @Test
    void heatmapLayersAreRemovedAndMovedFromTheInfoPanel(FxRobot robot) throws Exception {
        WaitForAsyncUtils.asyncFx(() -> vm.openDataset(MainWindowFxTest.DEMO));
        waitFor(() -> vm.imageProperty().get() != null && vm.maskLayer() != null);
        var explanations = window.explanations().explanations();
        int w = vm.imageProperty().get().raster().width();
        int h = vm.imageProperty().get().raster().height();
        float[] raw = new float[16];
        raw[5] = 1;
        robot.interact(() -> {
            for (String method : new String[] {"gradcam", "layercam"}) {
                explanations.showHeatmap(defectlens.explain.Heatmap.of(method, 0, "c", 1, raw, 4, 4, false, w, h));
            }
        });
        var layers = vm.layers();
        assertEquals(3, layers.size());
        assertEquals(vm.maskLayer(), layers.get(2), "the mask on top");
        // the panel lists the top first: mask, layercam, gradcam; layercam's Down puts it under gradcam
        robot.interact(() -> ((javafx.scene.control.Button) robot.lookup("#layerDown").queryAll().iterator().next())
                .fire());
        assertEquals("layercam (c)", layers.get(0).name());
        // Delete on a layer's check box removes that layer
        Node check = robot.lookup("#layerVisible").queryAll().stream()
                .filter(n -> ((javafx.scene.control.CheckBox) n).getText().startsWith("gradcam")).findFirst()
                .orElseThrow();
        robot.interact(check::requestFocus);
        robot.type(KeyCode.DELETE);
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals(2, layers.size());
        assertEquals("layercam (c)", layers.get(0).name());
        robot.interact(() -> ((javafx.scene.control.Button) robot.lookup("#layerRemove").query()).fire());
        assertEquals(java.util.List.of(vm.maskLayer()), java.util.List.copyOf(layers));
    }

    @Test
    void menusShowEveryKeyAndSwitchOffWhatDoesNotApplyToTheTab(FxRobot robot) throws Exception {
        MenuBar bar = (MenuBar) window.getTop();
        Menu view = menu(bar, "View");
        for (MenuItem i : view.getItems()) {
            assertTrue(i instanceof SeparatorMenuItem || i.getAccelerator() != null, i.getText() + " shows its key");
        }
        assertEquals("F", view.getItems().get(0).getAccelerator().getDisplayText());
        for (String m : new String[] {"Edit", "View", "Model", "Explain"}) {
            assertFalse(menu(bar, m).isDisable(), m + " on the SEM tab");
        }
        robot.interact(() -> window.tabs().getSelectionModel().select(1));
        for (String m : new String[] {"Edit", "Model", "Explain"}) {
            assertTrue(menu(bar, m).isDisable(), m + " acts on the SEM tab only");
        }
        for (MenuItem i : view.getItems()) {
            boolean viewer = i.getAccelerator() instanceof defectlens.app.common.KeyHint
                    || "Search file name".equals(i.getText());
            assertEquals(viewer, i.isDisable(), i.getText() + ": off on the wafer tab when it is the SEM viewer's");
        }
        assertFalse(menu(bar, "File").isDisable());
        assertFalse(menu(bar, "Study").isDisable());
        // no review is open: nothing to export
        Menu export = (Menu) menu(bar, "File").getItems().stream().filter(i -> "Export review".equals(i.getText()))
                .findFirst().orElseThrow();
        assertTrue(export.getItems().stream().allMatch(MenuItem::isDisable));
        // the keys of the F1 list are in the menus
        java.util.Set<String> keys = new java.util.HashSet<>();
        for (Menu m : bar.getMenus()) {
            for (MenuItem i : m.getItems()) {
                if (!(i instanceof SeparatorMenuItem) && i.getAccelerator() != null) {
                    keys.add(i.getAccelerator().getDisplayText());
                }
            }
        }
        for (String k : new String[] {"Ctrl+K", "Ctrl+Shift+K", "Ctrl+W", "F", "1", "+", "-", "M", "F1", "Ctrl+E"}) {
            assertTrue(keys.contains(k), k + " in the menus: " + keys);
        }
    }

    private static Menu menu(MenuBar bar, String text) {
        return bar.getMenus().stream().filter(m -> m.getText().equals(text)).findFirst().orElseThrow();
    }
}
