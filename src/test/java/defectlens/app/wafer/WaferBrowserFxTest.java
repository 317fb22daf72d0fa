package defectlens.app.wafer;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import defectlens.app.MainWindow;
import defectlens.app.common.MainViewModel;
import defectlens.app.common.RecentItems;
import defectlens.app.sem.ThumbnailCache;
import defectlens.app.task.FxTaskExecutor;
import defectlens.wafer.WaferMap;
import defectlens.wafer.WaferPredictions;
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

    FxTaskExecutor tasks;
    WaferViewModel wafers;
    MainWindow window;

    @Start
    void start(Stage stage) {
        tasks = new FxTaskExecutor();
        wafers = new WaferViewModel(tasks);
        MainViewModel vm = new MainViewModel(tasks, new RecentItems(home.resolve("recent.json")));
        window = new MainWindow(vm, wafers, new ThumbnailCache(tasks));
        stage.setScene(new Scene(window, 1200, 800));
        stage.sizeToScene(); // the primary stage is shared by all TestFX classes: take this scene's size
        stage.show();
    }

    @AfterEach
    void stop() {
        tasks.shutdown();
    }

    /** A proposed and a baseline model trained for one epoch on 40 real sample maps: enough to exercise the panel. */
    static Path[] tinyModels() throws Exception {
        Path dir = home.resolve("models");
        if (java.nio.file.Files.isDirectory(dir)) {
            return new Path[] {dir.resolve("proposed"), dir.resolve("baseline")};
        }
        defectlens.wafer.WaferDataset d = defectlens.wafer.WaferPickleReader.read(Path.of("datasets/wm811k/LSWMD_sample.pkl"));
        java.util.List<String> classes = defectlens.wafer.WaferClassSet.PAPER7.classes();
        java.util.List<float[]> maps = new java.util.ArrayList<>();
        java.util.List<Integer> labels = new java.util.ArrayList<>();
        for (int i = 0; i < d.size() && maps.size() < 40; i++) {
            int c = classes.indexOf(d.get(i).label());
            if (c >= 0) {
                WaferMap m = d.get(i);
                maps.add(defectlens.wafer.WaferPreprocessing.toNetworkMap(m.dies(), m.rows(), m.cols()));
                labels.add(c);
            }
        }
        defectlens.wafer.LabelledMaps data = new defectlens.wafer.LabelledMaps(maps.toArray(new float[0][]),
                labels.stream().mapToInt(Integer::intValue).toArray());
        defectlens.wafer.WaferTrainingConfig cfg = defectlens.wafer.WaferTrainingConfig.paper().withMaxEpochs(1).withBatchSize(20).withSeed(3);
        Path[] out = {dir.resolve("proposed"), dir.resolve("baseline")};
        defectlens.wafer.WaferVariant[] variants = {defectlens.wafer.WaferVariant.PROPOSED, defectlens.wafer.WaferVariant.BASELINE};
        for (int k = 0; k < 2; k++) {
            try (defectlens.wafer.WaferModel model = new defectlens.wafer.WaferTrainer(cfg)
                    .train(variants[k], classes, data, java.util.Map.of("data", "test"), r -> { },
                            defectlens.core.Progress.NONE).model()) {
                defectlens.wafer.WaferModelBundle.save(model, out[k]);
            }
        }
        return out;
    }

    @Test
    void sidePanelTurnsTheMapAndClassifiesAll(FxRobot robot) throws Exception {
        Path[] models = tinyModels();
        WaitForAsyncUtils.asyncFx(() -> {
            wafers.side().loadModels(models[0], models[1]);
            window.openWafers(Path.of("datasets/wm811k/LSWMD_sample.pkl"));
        });
        WaitForAsyncUtils.waitFor(120, TimeUnit.SECONDS, () -> wafers.datasetProperty().get() != null
                && wafers.side().modelsProperty().get() != null
                && wafers.side().proposedProbabilitiesProperty().get() != null
                && !wafers.side().lrpTextProperty().get().isEmpty());
        WaitForAsyncUtils.waitForFxEvents();
        float[] before = wafers.side().proposedProbabilitiesProperty().get();
        assertEquals(7, before.length);
        assertEquals(1.0, sum(before), 1e-4);
        assertNotNull(robot.lookup("#p0").queryAs(Label.class).getText());
        ImageView side = robot.lookup("#sideMap").queryAs(ImageView.class);
        for (String id : new String[] {"#lrpSinogram", "#lrpWafer", "#lrpBaseline"}) {
            ImageView v = robot.lookup(id).queryAs(ImageView.class);
            assertNotNull(v.getImage(), id);
            assertEquals(64 * 3, v.getImage().getWidth(), 1e-9, id);
        }
        String lrp = robot.lookup("#lrpText").queryAs(Label.class).getText();
        assertTrue(lrp.contains("conservation") && lrp.contains("failing dies"), lrp);
        WaferMap m = wafers.selectedMap();
        float[] net = defectlens.wafer.WaferPreprocessing.toNetworkMap(m.dies(), m.rows(), m.cols());
        float[] turned = defectlens.wafer.WaferPreprocessing.rotate90(net, 64, 1);

        robot.clickOn("#rotate");
        WaitForAsyncUtils.waitFor(60, TimeUnit.SECONDS, () -> wafers.side().proposedProbabilitiesProperty().get() != before);
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals("turned 90\u00B0", robot.lookup("#transformText").queryAs(Label.class).getText());
        for (int i = 0; i < 64 * 64; i += 37) {
            int argb = side.getImage().getPixelReader().getArgb(i % 64, i / 64);
            assertEquals(turned[i] > 0.5f, argb == defectlens.wafer.WaferMapPicture.FAIL_ARGB, "pixel " + i);
        }
        robot.clickOn("#resetTransform");
        WaitForAsyncUtils.waitFor(20, TimeUnit.SECONDS, () -> "original".equals(wafers.side().transformTextProperty().get()));

        robot.clickOn("#classifyAll");
        WaitForAsyncUtils.waitFor(180, TimeUnit.SECONDS, () -> wafers.predictionsProperty().get() != null);
        defectlens.wafer.WaferPredictions p = wafers.predictionsProperty().get();
        assertEquals(200, p.predicted().length);
        for (int i = 0; i < 200; i++) {
            assertTrue(p.predicted()[i] >= 0 && p.confidenceOf(i) >= 1.0 / 7 - 1e-6, "row " + i);
        }
        float[] direct = wafers.side().modelsProperty().get().proposed().predict(new float[][] {net})[0];
        int i0 = wafers.selectedProperty().get();
        assertEquals(WaferPredictions.argMax(direct), p.predicted()[i0]);
    }

    @Test
    void classSetChoiceSwapsTheShippedModelPairAndClearsStalePredictions(FxRobot robot) throws Exception {
        java.util.List<String> errors = new java.util.concurrent.CopyOnWriteArrayList<>();
        tasks.setErrorHandler((title, e) -> errors.add(title + ": " + e.getMessage()));
        WaitForAsyncUtils.asyncFx(() -> {
            wafers.side().useShippedModels(Path.of("models"));
            window.openWafers(Path.of("datasets/wm811k/LSWMD_sample.pkl"));
        });
        try {
            WaitForAsyncUtils.waitFor(120, TimeUnit.SECONDS, () -> !errors.isEmpty()
                    || wafers.datasetProperty().get() != null && wafers.side().modelsProperty().get() != null
                    && wafers.side().proposedProbabilitiesProperty().get() != null);
        } catch (java.util.concurrent.TimeoutException e) {
            throw new AssertionError("no map classified in 120 s: data set " + wafers.datasetProperty().get()
                    + ", models " + wafers.side().modelsProperty().get() + ", status "
                    + wafers.statusProperty().get(), e);
        }
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals(java.util.List.of(), errors);
        assertEquals("wafer-proposed-paper7", wafers.side().modelsProperty().get().name());
        assertEquals("Models: wafer-proposed-paper7 (ensemble of 2 networks) vs its baseline",
                robot.lookup("#waferModelName").queryAs(Label.class).getText());
        assertEquals("Classify all: wafer-student-paper7 (fast student, one pass per map)",
                robot.lookup("#classifyAllModel").queryAs(Label.class).getText(), "the window says which model");
        assertEquals(7, wafers.side().proposedProbabilitiesProperty().get().length);
        // the shipped proposed bundle averages over the 8 symmetries; the user can switch to a single pass
        javafx.scene.control.CheckBox average = robot.lookup("#averageSymmetries").queryAs(javafx.scene.control.CheckBox.class);
        assertTrue(average.isSelected());
        WaferMap m = wafers.selectedMap();
        float[][] net = {defectlens.wafer.WaferPreprocessing.toNetworkMap(m.dies(), m.rows(), m.cols())};
        defectlens.wafer.WaferModel proposed = wafers.side().modelsProperty().get().proposed();
        float[] averaged = proposed.predict(net, true)[0];
        float[] single = proposed.predict(net, false)[0];
        assertArrayEquals(averaged, wafers.side().proposedProbabilitiesProperty().get(), 1e-5f);
        float[] shown = wafers.side().proposedProbabilitiesProperty().get();
        robot.clickOn("#averageSymmetries");
        WaitForAsyncUtils.waitFor(60, TimeUnit.SECONDS, () -> wafers.side().proposedProbabilitiesProperty().get() != shown
                && wafers.side().proposedProbabilitiesProperty().get() != null);
        WaitForAsyncUtils.waitForFxEvents();
        assertArrayEquals(single, wafers.side().proposedProbabilitiesProperty().get(), 1e-5f);
        assertTrue(proposed.averageOverSymmetries(), "the model's own setting is left alone");
        robot.clickOn("#averageSymmetries");
        robot.clickOn("#classifyAll");
        WaitForAsyncUtils.waitFor(120, TimeUnit.SECONDS, () -> wafers.predictionsProperty().get() != null);
        assertEquals("wafer-student-paper7", wafers.predictionsProperty().get().model(), "whole files: the student");

        javafx.scene.control.ChoiceBox<?> choice = robot.lookup("#waferClassSet").queryAs(javafx.scene.control.ChoiceBox.class);
        assertEquals(defectlens.wafer.WaferClassSet.PAPER7, choice.getValue());
        robot.interact(() -> wafers.side().classSetProperty().set(defectlens.wafer.WaferClassSet.ALL9));
        WaitForAsyncUtils.waitFor(120, TimeUnit.SECONDS, () -> wafers.side().modelsProperty().get() != null
                && "wafer-proposed-all9".equals(wafers.side().modelsProperty().get().name())
                && wafers.side().proposedProbabilitiesProperty().get() != null
                && wafers.side().proposedProbabilitiesProperty().get().length == 9);
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals(defectlens.wafer.WaferClassSet.ALL9, choice.getValue());
        assertEquals(java.util.List.of("Center", "Donut", "Edge-Loc", "Edge-Ring", "Loc", "Near-full", "Random",
                "Scratch", "none"), wafers.side().classes());
        assertNotNull(robot.lookup("#p8").queryAs(Label.class), "a ninth probability row");
        assertEquals(null, wafers.predictionsProperty().get(), "predictions of the old model are dropped");
        assertTrue(wafers.statusProperty().get().startsWith("Predictions cleared"), wafers.statusProperty().get());
        assertEquals(java.util.List.of(), errors);

        // a models folder without the pair says so
        robot.interact(() -> wafers.side().useShippedModels(home));
        assertEquals(1, errors.size());
        assertTrue(errors.get(0).contains("no shipped wafer models for the class set all9"), errors.get(0));
    }

    private static double sum(float[] v) {
        double s = 0;
        for (float x : v) {
            s += x;
        }
        return s;
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

    /** Predictions of every sample map with confidences made up by {@code confidence} (class 0 for all). */
    private static defectlens.wafer.WaferPredictions madeUp(int n, java.util.function.IntToDoubleFunction confidence) {
        float[] c = new float[n];
        for (int i = 0; i < n; i++) {
            c[i] = (float) confidence.applyAsDouble(i);
        }
        return new defectlens.wafer.WaferPredictions("test", defectlens.wafer.WaferClassSet.PAPER7.classes(),
                new int[n], c);
    }

    @Test
    void aReclassificationSortsTheRowsAgainByTheActiveColumn(FxRobot robot) throws Exception {
        WaitForAsyncUtils.asyncFx(() -> window.openWafers(Path.of("datasets/wm811k/LSWMD_sample.pkl")));
        WaitForAsyncUtils.waitFor(90, TimeUnit.SECONDS, () -> wafers.datasetProperty().get() != null);
        int n = wafers.datasetProperty().get().size();
        WaitForAsyncUtils.asyncFx(() -> wafers.predictionsProperty().set(madeUp(n, i -> i / (double) n))).get();
        WaitForAsyncUtils.waitForFxEvents();
        TableView<Integer> table = robot.lookup("#waferTable").queryTableView();
        var conf = table.getColumns().stream().filter(c -> "confidenceColumn".equals(c.getId())).findFirst()
                .orElseThrow();
        robot.interact(() -> table.getSortOrder().setAll(java.util.List.of(conf))); // as a click on its header
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals(1, table.getSortOrder().size(), "sorted by confidence");
        assertEquals(0, (int) table.getItems().get(0), "lowest made-up confidence first");

        // classified again: now the last map is the least certain; the arrow stays and the rows follow it
        WaitForAsyncUtils.asyncFx(() -> wafers.predictionsProperty().set(madeUp(n, i -> 1 - i / (double) n))).get();
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals(1, table.getSortOrder().size());
        assertEquals(n - 1, (int) table.getItems().get(0), "re-sorted after the new predictions");
        for (int k = 1; k < table.getItems().size(); k++) {
            assertTrue(table.getItems().get(k) < table.getItems().get(k - 1), "descending rows = ascending confidence");
        }

        // "Least certain first" orders the rows itself: the column's arrow goes
        robot.clickOn("#waferConfidenceSort");
        WaitForAsyncUtils.waitForFxEvents();
        assertTrue(table.getSortOrder().isEmpty());
    }
}
