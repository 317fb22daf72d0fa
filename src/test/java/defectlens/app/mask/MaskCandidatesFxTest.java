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
import defectlens.explain.Heatmap;
import defectlens.image.ArgbImage;
import defectlens.image.ArgbImageWriter;
import defectlens.mask.MaskEditor;
import defectlens.mask.MaskTool;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import java.util.concurrent.TimeUnit;
import javafx.geometry.Point2D;
import javafx.scene.Scene;
import javafx.scene.image.PixelFormat;
import javafx.scene.image.WritableImage;
import javafx.scene.input.MouseButton;
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
 * The candidate generators in the window: a box dragged with the GrabCut tool ({@code K}) replaces the mask with
 * GrabCut's cut inside it as one undoable edit; a SAM2 export (the test stand-in) joins the {@code G} cycle and
 * prompts at the selected explanation's peak; the {@code heatmap} generator thresholds that explanation. With
 * {@code -Ddefectlens.screenshots=DIR} it saves the editor with the GrabCut cut (mask-editor-grabcut.png) and with
 * the sam2 candidate (mask-editor-sam2.png).
 */
@ExtendWith(ApplicationExtension.class)
class MaskCandidatesFxTest {
    private static final Path STANDIN = Path.of("src/test/resources/model/sam2-standin");

    @TempDir
    Path home;

    Stage stage;
    FxTaskExecutor tasks;
    MainViewModel vm;
    MainWindow window;

    @Start
    void start(Stage s) {
        stage = s;
        tasks = new FxTaskExecutor();
        tasks.setErrorHandler((title, e) -> Dialogs.showError(stage, title, e));
        vm = new MainViewModel(tasks, new RecentItems(home.resolve("recent.json")));
        window = new MainWindow(vm, new WaferViewModel(tasks), new ThumbnailCache(tasks));
        stage.setScene(new Scene(window, 1200, 800));
        stage.show();
    }

    @AfterEach
    void stop() {
        window.masks().close();
        tasks.shutdown();
    }

    private void waitFor(Callable<Boolean> condition) throws Exception {
        try {
            WaitForAsyncUtils.waitFor(90, TimeUnit.SECONDS, condition);
        } catch (java.util.concurrent.TimeoutException e) {
            MaskEditViewModel m = window.masks();
            throw new AssertionError("timed out; generators " + m.generators().listProperty().get() + ", at "
                    + m.generators().nameProperty().get() + ", state " + m.stateTextProperty().get() + ", layers "
                    + window.viewer().layers().stream().map(l -> l.getLayer().name()).toList(), e);
        }
        WaitForAsyncUtils.waitForFxEvents();
    }

    private Point2D screen(int x, int y) {
        ImageViewer v = window.viewer();
        Point2D local = v.screenOf(x, y);
        return v.localToScreen(local.getX(), local.getY());
    }

    @Test
    void grabCutBoxSam2AndHeatmapCandidates(FxRobot robot) throws Exception {
        robot.interact(() -> vm.openDataset(MainWindowFxTest.DEMO));
        waitFor(() -> vm.imageProperty().get() != null);
        MaskEditViewModel masks = window.masks();
        robot.interact(() -> masks.editingProperty().set(true));
        waitFor(() -> masks.editor() != null);
        MaskEditor ed = masks.editor();
        int w = vm.imageProperty().get().raster().width();
        int h = vm.imageProperty().get().raster().height();

        long before = ed.raster().area();
        robot.interact(() -> masks.toolProperty().set(MaskTool.GRABCUT_BOX));
        int x0 = w * 3 / 8;
        int y0 = h * 5 / 16;
        int x1 = w * 5 / 8;
        int y1 = h / 2;
        robot.drag(screen(x0, y0), MouseButton.PRIMARY).moveTo(screen(x1, y1)).release(MouseButton.PRIMARY);
        waitFor(() -> ed.stack().undoName().isPresent());
        assertTrue(ed.stack().undoName().get().contains("GrabCut"), ed.stack().undoName().get());
        long area = ed.raster().area();
        assertTrue(area > 0, "GrabCut cut something out of the box");
        for (int y = 0; y < h; y += 3) {
            for (int x = 0; x < w; x += 3) {
                if (x < x0 - 2 || x > x1 + 2 || y < y0 - 2 || y > y1 + 2) {
                    assertFalse(ed.raster().get(x, y), "nothing outside the box at " + x + "," + y);
                }
            }
        }
        screenshot(stage.getScene(), "mask-editor-grabcut.png");
        robot.interact(() -> {
            masks.undo();
        });
        assertTrue(ed.stack().undoName().isEmpty() && ed.stack().redoName().isPresent(),
                "the cut is one undoable edit");
        assertEquals(before, ed.raster().area(), "undo brought the candidate back");

        float[] raw = new float[8 * 8];
        raw[2 * 8 + 5] = 1f;
        Heatmap heat = Heatmap.of("gradcam", 0, "single_bridge", 0.9, raw, 8, 8, false, w, h);
        robot.interact(() -> window.explanations().explanations().showHeatmap(heat));
        robot.interact(() -> masks.generators().useSam2Model(STANDIN));
        waitFor(() -> masks.generators().listProperty().get().endsWith("sam2"));
        int[] peak = defectlens.mask.candidate.Sam2Candidate.peak(heat, w, h);
        for (String name : new String[] {"heatmap", "sam2"}) {
            robot.interact(() -> {
                while (!masks.generators().nameProperty().get().equals(name)) {
                    masks.nextGenerator();
                }
            });
            waitFor(() -> masks.editor() != null && masks.editor() != ed && masks.editor().raster().get(peak[0],
                    peak[1]) && window.viewer().layers().stream().anyMatch(l -> l.getLayer().name().contains(name)));
            MaskEditor cand = masks.editor();
            assertTrue(cand.raster().area() > 0 && cand.raster().area() < w * h / 4, name + " area "
                    + cand.raster().area());
            assertFalse(cand.raster().get(peak[0] + w / 3 > w - 1 ? 0 : w - 1, h - 1), name + " stays local");
        }
        screenshot(stage.getScene(), "mask-editor-sam2.png");
    }

    private static void screenshot(Scene scene, String name) throws Exception {
        String dir = System.getProperty("defectlens.screenshots");
        if (dir == null) {
            return;
        }
        WaitForAsyncUtils.asyncFx(() -> {
            WritableImage snap = scene.snapshot(null);
            int sw = (int) snap.getWidth();
            int sh = (int) snap.getHeight();
            int[] px = new int[sw * sh];
            snap.getPixelReader().getPixels(0, 0, sw, sh, PixelFormat.getIntArgbInstance(), px, 0, sw);
            ArgbImageWriter.write(new ArgbImage(sw, sh, px), Path.of(dir, name), 0xFFFFFF);
        }).get(20, TimeUnit.SECONDS);
    }
}
