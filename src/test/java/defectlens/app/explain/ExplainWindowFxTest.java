package defectlens.app.explain;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import defectlens.app.MainWindow;
import defectlens.app.MainWindowFxTest;
import defectlens.app.TinySemBundle;
import defectlens.app.common.MainViewModel;
import defectlens.app.common.OverlayLayerModel;
import defectlens.app.common.RecentItems;
import defectlens.app.sem.ThumbnailCache;
import defectlens.app.task.FxTaskExecutor;
import defectlens.app.wafer.WaferViewModel;
import defectlens.explain.HeatmapOverlay;
import defectlens.explain.craft.ConceptOverlay;
import defectlens.image.ArgbImage;
import defectlens.image.ArgbImageWriter;
import defectlens.image.ImageRaster;
import defectlens.image.SemImageReader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.TimeUnit;
import javafx.geometry.Point2D;
import javafx.geometry.VerticalDirection;
import javafx.scene.Node;
import javafx.scene.Scene;
import javafx.scene.control.Label;
import javafx.scene.control.Slider;
import javafx.scene.image.PixelFormat;
import javafx.scene.image.WritableImage;
import javafx.stage.Stage;
import javafx.stage.Window;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/**
 * Drives the explanation parts of the window with a tiny EfficientNetV2 on the demo data set:
 * a GradCAM layer with threshold and contour, the compare view with linked zoom and PNG export, and
 * the CRAFT concept gallery. With {@code -Ddefectlens.screenshots=DIR} it also saves screenshots.
 */
@ExtendWith(ApplicationExtension.class)
class ExplainWindowFxTest {
    @TempDir
    static Path home;

    FxTaskExecutor tasks;
    MainViewModel vm;
    MainWindow window;
    Stage stage;
    final List<Throwable> errors = new java.util.concurrent.CopyOnWriteArrayList<>();

    @Start
    void start(Stage stage) {
        this.stage = stage;
        tasks = new FxTaskExecutor();
        vm = new MainViewModel(tasks, new RecentItems(home.resolve("recent.json")));
        window = new MainWindow(vm, new WaferViewModel(tasks), new ThumbnailCache(tasks));
        tasks.setErrorHandler((title, e) -> errors.add(new AssertionError(title, e)));
        // banks per test: a bank fitted by one test must not turn up in another's compare view
        window.explanations().explanations().banks().setRoot(home.resolve("banks-" + System.nanoTime()));
        stage.setScene(new Scene(window, 1280, 820));
        stage.sizeToScene(); // the primary stage is shared by all TestFX classes: take this scene's size
        stage.show();
    }

    @AfterEach
    void stop() throws Exception {
        WaitForAsyncUtils.asyncFx(() -> Window.getWindows().stream().filter(w -> w != stage).toList()
                .forEach(Window::hide)).get();
        tasks.shutdown();
    }

    private void waitFor(Callable<Boolean> condition, int seconds) throws Exception {
        WaitForAsyncUtils.waitFor(seconds, TimeUnit.SECONDS, () -> {
            if (!errors.isEmpty()) {
                throw new AssertionError("window reported an error", errors.get(0));
            }
            return condition.call();
        });
        WaitForAsyncUtils.waitForFxEvents();
    }

    private void openDemoWithModel() throws Exception {
        String trained = System.getProperty("defectlens.explainModel");
        Path bundle = trained != null ? Path.of(trained) : TinySemBundle.save(home.resolve("tiny-" + System.nanoTime()));
        WaitForAsyncUtils.asyncFx(() -> vm.openDataset(MainWindowFxTest.DEMO));
        waitFor(() -> vm.imageProperty().get() != null, 30);
        WaitForAsyncUtils.asyncFx(() -> vm.openModel(bundle));
        waitFor(() -> vm.modelProperty().get() != null, 60);
    }

    private static int opaque(ArgbImage img) {
        int n = 0;
        for (int p : img.pixels()) {
            if ((p >>> 24) != 0) {
                n++;
            }
        }
        return n;
    }

    private OverlayLayerModel heatmapLayer() {
        return vm.layers().stream().filter(l -> l.getLayer() instanceof HeatmapOverlay).findFirst().orElse(null);
    }

    private static void screenshot(Scene scene, String name) throws Exception {
        String dir = System.getProperty("defectlens.screenshots");
        if (dir == null) {
            return;
        }
        WaitForAsyncUtils.asyncFx(() -> {
            WritableImage snap = scene.snapshot(null);
            int w = (int) snap.getWidth();
            int h = (int) snap.getHeight();
            int[] px = new int[w * h];
            snap.getPixelReader().getPixels(0, 0, w, h, PixelFormat.getIntArgbInstance(), px, 0, w);
            ArgbImageWriter.write(new ArgbImage(w, h, px), Path.of(dir, name), 0xFFFFFF);
        }).get(20, TimeUnit.SECONDS);
    }

    @Test
    void gradCamLayerWithThresholdAndContourThenCompareViewInStep(FxRobot robot) throws Exception {
        openDemoWithModel();
        robot.clickOn("#explainButton");
        waitFor(() -> heatmapLayer() != null, 240);
        OverlayLayerModel layer = heatmapLayer();
        HeatmapOverlay fill = (HeatmapOverlay) layer.getLayer();
        assertFalse(fill.heatmap().isDegenerate(), "GradCAM of the tiny model: " + fill.heatmap());
        int filled = opaque(fill.render());
        assertTrue(filled > 0, "non-blank heatmap layer");
        assertTrue(robot.lookup("#heatmapLegend").tryQuery().isPresent(), "colormap legend in the right panel");

        // the threshold slider re-renders the layer: fewer pixels drawn, and the viewer shows it
        WritableImage before = WaitForAsyncUtils.asyncFx(() -> window.viewer().snapshot(null, null)).get();
        Slider threshold = robot.lookup("#heatmapThreshold").queryAs(Slider.class);
        WaitForAsyncUtils.asyncFx(() -> threshold.setValue(0.6)).get();
        WaitForAsyncUtils.waitForFxEvents();
        HeatmapOverlay cut = (HeatmapOverlay) heatmapLayer().getLayer();
        assertEquals(0.6, cut.threshold(), 1e-9);
        int above = opaque(cut.render());
        assertTrue(above > 0 && above < filled, "threshold keeps " + above + " of " + filled + " pixels");
        WritableImage after = WaitForAsyncUtils.asyncFx(() -> window.viewer().snapshot(null, null)).get();
        assertTrue(differingPixels(before, after) > 100, "threshold changed the rendered pixels");
        WaitForAsyncUtils.asyncFx(() -> robot.lookup(".scroll-pane").queryAllAs(javafx.scene.control.ScrollPane.class)
                .stream().filter(sp -> sp.getContent() instanceof javafx.scene.layout.VBox)
                .forEach(sp -> sp.setVvalue(1))).get();
        WaitForAsyncUtils.waitForFxEvents();
        screenshot(stage.getScene(), "explain-heatmap-layer.png");

        // contour mode draws only the iso-line
        javafx.scene.control.CheckBox contourBox = robot.lookup("#heatmapContour").queryAs(javafx.scene.control.CheckBox.class);
        WaitForAsyncUtils.asyncFx(() -> contourBox.setSelected(true)).get();
        WaitForAsyncUtils.waitForFxEvents();
        HeatmapOverlay contour = (HeatmapOverlay) heatmapLayer().getLayer();
        assertEquals(HeatmapOverlay.Mode.CONTOUR, contour.mode());
        int line = opaque(contour.render());
        assertTrue(line > 0 && line < above, "contour of " + line + " pixels inside " + above);
        screenshot(stage.getScene(), "explain-heatmap-contour.png");

        // compare view: GradCAM and LayerCAM (CRAFT has no bank yet and is reported, not shown)
        ExplanationWindows ew = window.explanations();
        WaitForAsyncUtils.asyncFx(() -> {
            ew.compare().methods().setAll("gradcam", "craft", "layercam");
            ew.openCompare(stage);
        }).get();
        waitFor(() -> ew.compare().panels().size() == 4, 240);
        CompareView view = ew.compareView();
        assertTrue(robot.lookup("#compareStatus").queryAs(Label.class).getText().contains("craft"),
                "CRAFT without a bank is named in the status line");
        List<ComparePane> panes = view.panes();
        assertEquals(4, panes.size());
        assertTrue(robot.lookup(".compare-agreement").queryAllAs(Label.class).stream()
                .anyMatch(l -> l.getText().contains("IoU")), "agreement figures with the mask");
        Point2D[] origin = new Point2D[panes.size()];
        for (int i = 0; i < panes.size(); i++) {
            origin[i] = panes.get(i).screenOf(100, 100);
        }
        Node first = panes.get(1).view();
        WaitForAsyncUtils.asyncFx(() -> ((Stage) view.getScene().getWindow()).toFront()).get();
        WaitForAsyncUtils.sleep(500, TimeUnit.MILLISECONDS);
        for (int attempt = 0; attempt < 3 && panes.get(0).screenOf(100, 100).equals(origin[0]); attempt++) {
            // the pointer may reach the new window before the X server has placed it: move and scroll again
            robot.moveTo(first).scroll(4, VerticalDirection.UP);
            WaitForAsyncUtils.waitForFxEvents();
        }
        Point2D moved = panes.get(0).screenOf(100, 100);
        assertNotEquals(origin[0], moved, "the wheel zoomed");
        for (ComparePane p : panes) {
            assertEquals(moved, p.screenOf(100, 100), "every pane moved with the one under the wheel");
        }
        robot.drag(first).moveBy(30, 20).release(javafx.scene.input.MouseButton.PRIMARY);
        WaitForAsyncUtils.waitForFxEvents();
        Point2D panned = panes.get(0).screenOf(100, 100);
        assertNotEquals(moved, panned, "dragging panned");
        for (ComparePane p : panes) {
            assertEquals(panned, p.screenOf(100, 100), "every pane panned together");
        }
        WaitForAsyncUtils.asyncFx(view::fit).get();
        Path png = home.resolve("compare.png");
        ArgbImage written = WaitForAsyncUtils.asyncFx(() -> view.exportPng(png)).get(20, TimeUnit.SECONDS);
        assertTrue(Files.isRegularFile(png));
        ImageRaster back = SemImageReader.read(png);
        assertEquals(written.width(), back.width());
        assertEquals(written.height(), back.height());
        double rowWidth = WaitForAsyncUtils.asyncFx(() -> view.row().getWidth()).get();
        assertEquals(Math.ceil(rowWidth), back.width(), 1.0, "the PNG is the row of panes");
        assertTrue((long) back.width() * back.height() > 4L * 300 * 300, "four panes: " + back.width() + " x "
                + back.height());
        assertEquals(window.explanations().explanations().thresholdProperty().get(), ew.compare().thresholdProperty()
                .get(), 0.0, "the compare view uses the viewer's threshold");
        assertTrue(robot.lookup("#colourLegend").tryQuery().isPresent(), "the shared colour legend");
        screenshot(view.getScene(), "explain-compare-linked.png");

        // four methods, more panes than fit in one row: they wrap, and scroll
        WaitForAsyncUtils.asyncFx(() -> {
            ew.compare().methods().setAll("gradcam", "gradcam++", "layercam", "multilayercam");
            ew.compare().refresh();
        }).get();
        waitFor(() -> ew.compare().panels().size() == 6 && ew.compare().panels().get(4).title().contains("ulti"), 240);
        WaitForAsyncUtils.asyncFx(() -> {
            Stage compareStage = (Stage) view.getScene().getWindow();
            compareStage.setWidth(1000);
            compareStage.setHeight(900);
        }).get();
        WaitForAsyncUtils.waitForFxEvents();
        WaitForAsyncUtils.sleep(500, TimeUnit.MILLISECONDS);
        assertTrue(view.row().getHeight() > 2 * 300, "six panes in a 1000 px window wrap onto a second line");
        screenshot(view.getScene(), "compare-4-methods.png");
    }

    @Test
    void conceptGalleryFitsShowsCropsAndMapsConcepts(FxRobot robot) throws Exception {
        openDemoWithModel();
        ConceptGalleryViewModel g = window.explanations().gallery();
        WaitForAsyncUtils.asyncFx(() -> {
            g.classNameProperty().set(vm.imageProperty().get().sample().label());
            g.fitImagesProperty().set(4);
            g.conceptsProperty().set(4);
            window.explanations().openGallery(stage);
        }).get();
        robot.clickOn("#galleryFit");
        waitFor(() -> g.galleryProperty().get() != null, 240);
        ConceptGalleryViewModel.Gallery gallery = g.galleryProperty().get();
        assertEquals(4, gallery.bank().rank());
        assertTrue(gallery.crops().stream().allMatch(c -> !c.isEmpty()), "typical crops for every concept");
        assertTrue(Files.isRegularFile(window.explanations().explanations().banks()
                .folderOf(vm.modelProperty().get(), gallery.bank().className()).resolve("bank.json")), "bank saved");
        int top = gallery.bank().byImportance()[0];
        robot.clickOn("#concept-" + top);
        waitFor(() -> vm.layers().stream().anyMatch(l -> l.name().startsWith("craft-concept-" + top)), 60);
        robot.clickOn("#galleryShowTop");
        waitFor(() -> vm.layers().stream().anyMatch(l -> l.getLayer() instanceof ConceptOverlay), 60);
        screenshot(window.explanations().galleryView().getScene(), "explain-concept-gallery.png");
        WaitForAsyncUtils.asyncFx(() -> vm.layers().stream().filter(l -> l.getLayer() instanceof HeatmapOverlay)
                .forEach(l -> l.visibleProperty().set(false))).get();
        WaitForAsyncUtils.waitForFxEvents();
        screenshot(stage.getScene(), "explain-concepts-in-viewer.png");

        // with the bank in place, CRAFT is one more heatmap layer of the main window
        WaitForAsyncUtils.asyncFx(() -> {
            window.explanations().explanations().targetProperty().set(ExplanationViewModel.LABELLED);
            window.explanations().explanations().explain("craft");
        }).get();
        waitFor(() -> vm.layers().stream().anyMatch(l -> l.name().startsWith("craft (")), 60);
        assertNotNull(window.explanations().explanations().lastProperty().get());

        // the compare view's default row: original | GradCAM | CRAFT | mask, with CRAFT from the fitted bank
        ExplanationWindows ew = window.explanations();
        WaitForAsyncUtils.asyncFx(() -> ew.openCompare(stage)).get();
        waitFor(() -> ew.compare().panels().size() == 4 && ew.compare().panels().get(2).title().startsWith("CRAFT"), 240);
        assertTrue(ew.compare().agreement(ew.compare().panels().get(2)).contains("IoU"));
        screenshot(ew.compareView().getScene(), "explain-compare-view.png");
    }

    @Test
    void aDegenerateMapWarnsInsteadOfShowingASilentBlank(FxRobot robot) throws Exception {
        WaitForAsyncUtils.asyncFx(() -> vm.openDataset(MainWindowFxTest.DEMO));
        waitFor(() -> vm.imageProperty().get() != null, 30);
        ExplanationViewModel ex = window.explanations().explanations();
        WaitForAsyncUtils.asyncFx(() -> ex.showHeatmap(defectlens.explain.Heatmap.of("gradcam", 0, "single_bridge", 0,
                new float[16], 4, 4, false, 480, 480))).get();
        WaitForAsyncUtils.waitForFxEvents();
        Label inPanel = robot.lookup("#heatmapWarning").queryAs(Label.class);
        assertTrue(inPanel.getText().contains("Degenerate") && inPanel.getText().contains("no positive value"),
                inPanel.getText());
        Label top = robot.lookup("#explainWarning").queryAs(Label.class);
        assertTrue(top.isVisible() && top.getText().contains("degenerate"), top.getText());
        // a new image clears the warning; without the auto toggle nothing is recomputed
        WaitForAsyncUtils.asyncFx(() -> vm.select(vm.datasetProperty().get().samples().get(1))).get();
        waitFor(() -> vm.imageProperty().get().sample() == vm.datasetProperty().get().samples().get(1), 30);
        assertFalse(top.isVisible());
        assertTrue(ex.heatmapLayers().isEmpty(), "no heatmap recomputed without the auto toggle");
    }

    private static int differingPixels(WritableImage a, WritableImage b) {
        int w = (int) Math.min(a.getWidth(), b.getWidth());
        int h = (int) Math.min(a.getHeight(), b.getHeight());
        int n = 0;
        for (int y = 0; y < h; y += 2) {
            for (int x = 0; x < w; x += 2) {
                if (a.getPixelReader().getArgb(x, y) != b.getPixelReader().getArgb(x, y)) {
                    n++;
                }
            }
        }
        return n;
    }
}
