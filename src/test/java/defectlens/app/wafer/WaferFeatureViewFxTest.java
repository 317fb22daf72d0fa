package defectlens.app.wafer;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import defectlens.app.task.FxTaskExecutor;
import defectlens.wafer.WaferDataset;
import defectlens.wafer.WaferMap;
import defectlens.wafer.WaferPickleReader;
import defectlens.wafer.features.FeatureBreakdown;
import java.util.Locale;
import java.util.concurrent.TimeUnit;
import javafx.scene.Scene;
import javafx.scene.SnapshotParameters;
import javafx.scene.canvas.Canvas;
import javafx.scene.control.Label;
import javafx.scene.control.ScrollPane;
import javafx.scene.image.WritableImage;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/** The side panel's features + stacking column and feature view with a tiny BSEML bundle, in a real window. */
@ExtendWith(ApplicationExtension.class)
class WaferFeatureViewFxTest {
    private static final WaferDataset SAMPLE = WaferPickleReader.read(WaferViewModelTest.SAMPLE);
    FxTaskExecutor tasks;
    WaferSideViewModel side;

    @Start
    void start(Stage stage) {
        tasks = new FxTaskExecutor();
        side = new WaferSideViewModel(tasks);
        stage.setScene(new Scene(new ScrollPane(new WaferSidePanel(side, () -> { })), 480, 900));
        stage.sizeToScene();
        stage.show();
    }

    @AfterEach
    void stop() {
        tasks.shutdown();
    }

    @Test
    void theStackingColumnAndTheFeatureViewFollowTheMap(FxRobot robot) throws Exception {
        java.nio.file.Path bundle = TinyBseml.bundle();
        WaferMap map = null;
        for (int i = 0; i < SAMPLE.size() && map == null; i++) {
            if (SAMPLE.get(i).count(WaferMap.FAIL) > 30) {
                map = SAMPLE.get(i);
            }
        }
        WaferMap shown = map;
        WaitForAsyncUtils.asyncFx(() -> {
            side.features().loadModel(bundle);
            side.show(shown);
        });
        WaitForAsyncUtils.waitFor(60, TimeUnit.SECONDS, () -> side.features().probabilitiesProperty().get() != null
                && side.features().breakdownProperty().get() != null);
        WaitForAsyncUtils.waitForFxEvents();
        String name = robot.lookup("#stackingModelName").queryAs(Label.class).getText();
        assertTrue(name.contains("wafer-bseml-all9"), name);
        float[] p = side.features().probabilitiesProperty().get();
        for (int c = 0; c < p.length; c++) {
            String text = robot.lookup("#s" + c).queryAs(Label.class).getText();
            assertEquals(String.format("%.1f %%", p[c] * 100), text, "class " + c);
        }
        assertEquals("-", robot.lookup("#p0").queryAs(Label.class).getText(), "no CNN pair loaded");
        FeatureBreakdown b = side.features().breakdownProperty().get();
        assertEquals(String.format(Locale.ROOT, "%.3f", b.geometry()[4]),
                robot.lookup("#geom4").queryAs(Label.class).getText());
        Canvas canvas = robot.lookup("#featureMap").queryAs(Canvas.class);
        int failing = count(canvas, 0xffc62828);
        assertTrue(failing > 100, failing + " failing-die pixels drawn");
        int outline = count(canvas, 0xff00a0b0);
        assertTrue(outline > 20, outline + " outline pixels drawn");

        robot.clickOn("#rotate");
        WaitForAsyncUtils.waitFor(30, TimeUnit.SECONDS, () -> side.features().breakdownProperty().get() != b);
        WaitForAsyncUtils.waitForFxEvents();
        WaferMap turned = side.features().breakdownProperty().get().map();
        assertEquals(map.cols(), turned.rows());
        org.junit.jupiter.api.Assertions.assertArrayEquals(defectlens.wafer.features.WaferFeatures.of(turned),
                side.features().breakdownProperty().get().features(), 0);
        assertTrue(count(robot.lookup("#radonMeanPlot").queryAs(Canvas.class), 0xffc62828) > 20,
                "the 20 resampled points are drawn");
    }

    /**
     * With {@code -Ddefectlens.screenshots=DIR} and the shipped bundles in {@code models/}: the panel with the three
     * all-9 models on the first Edge-Loc map of the sample, saved as {@code DIR/wafer-features-panel.png}.
     */
    @Test
    void screenshotWithTheShippedModels() throws Exception {
        String dir = System.getProperty("defectlens.screenshots");
        java.nio.file.Path models = java.nio.file.Path.of("models");
        org.junit.jupiter.api.Assumptions.assumeTrue(dir != null
                && java.nio.file.Files.isDirectory(models.resolve(WaferSideViewModel.SHIPPED_BSEML)));
        WaferMap map = null;
        for (int i = 0; i < SAMPLE.size() && map == null; i++) {
            map = "Edge-Loc".equals(SAMPLE.get(i).label()) ? SAMPLE.get(i) : null;
        }
        WaferMap shown = map;
        WaitForAsyncUtils.asyncFx(() -> {
            side.classSetProperty().set(defectlens.wafer.WaferClassSet.ALL9);
            side.useShippedModels(models);
            side.show(shown);
        });
        WaitForAsyncUtils.waitFor(300, TimeUnit.SECONDS, () -> side.modelsProperty().get() != null
                && side.proposedProbabilitiesProperty().get() != null
                && side.proposedProbabilitiesProperty().get().length == 9
                && side.features().probabilitiesProperty().get() != null && !side.lrpTextProperty().get().isEmpty());
        WaitForAsyncUtils.waitForFxEvents();
        javafx.scene.Node panel = robotPanel();
        WaitForAsyncUtils.asyncFx(() -> {
            WritableImage snap = panel.snapshot(new SnapshotParameters(), null);
            int w = (int) snap.getWidth();
            int h = (int) snap.getHeight();
            int[] px = new int[w * h];
            snap.getPixelReader().getPixels(0, 0, w, h, javafx.scene.image.PixelFormat.getIntArgbInstance(), px, 0, w);
            defectlens.image.ArgbImageWriter.write(new defectlens.image.ArgbImage(w, h, px),
                    java.nio.file.Path.of(dir, "wafer-features-panel.png"), 0xFFFFFF);
        }).get(20, TimeUnit.SECONDS);
    }

    private javafx.scene.Node robotPanel() {
        return ((ScrollPane) javafx.stage.Window.getWindows().get(0).getScene().getRoot()).getContent();
    }

    private static int count(Canvas canvas, int argb) throws Exception {
        WritableImage img = WaitForAsyncUtils.asyncFx(() -> canvas.snapshot(new SnapshotParameters(), null))
                .get(10, TimeUnit.SECONDS);
        int n = 0;
        for (int y = 0; y < (int) img.getHeight(); y++) {
            for (int x = 0; x < (int) img.getWidth(); x++) {
                n += img.getPixelReader().getArgb(x, y) == argb ? 1 : 0;
            }
        }
        return n;
    }
}
