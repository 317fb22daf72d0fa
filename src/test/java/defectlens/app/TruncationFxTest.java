package defectlens.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import defectlens.app.common.MainViewModel;
import defectlens.app.look.Appearance;
import defectlens.app.look.Theme;
import defectlens.app.common.RecentItems;
import defectlens.app.sem.ThumbnailCache;
import defectlens.app.sem.TrainingDialog;
import defectlens.app.sem.TrainingViewModel;
import defectlens.app.study.PngSnapshot;
import defectlens.app.study.StudyWindows;
import defectlens.app.task.FxTaskExecutor;
import defectlens.app.wafer.WaferViewModel;
import defectlens.dataset.DatasetOpener;
import defectlens.study.ModelRef;
import defectlens.study.Questionnaire;
import defectlens.study.StudyCreator;
import defectlens.study.StudyPlan;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import javafx.scene.Node;
import javafx.scene.Scene;
import javafx.scene.control.Slider;
import javafx.scene.layout.Pane;
import javafx.scene.shape.Rectangle;
import javafx.stage.Stage;
import javafx.stage.Window;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/**
 * Every label of the main views must be readable at 1280 x 720 and at 1920 x 1080: the SEM tab with the shipped
 * model (an image classified and explained, the data set classified), the wafer tab on the shipped sample with its
 * side panel and predictions, the compare view and the concept gallery, the Train dialog, the new-study wizard and
 * the rating view. No {@code Labeled} may show a clipped text, no fit-to-width side panel a horizontal scroll
 * bar and no slider a tick label that is hidden, cut or overlapping (the heatmap threshold's). The program's theme
 * is on (its fonts decide what fits). With {@code -Ddefectlens.screenshots=DIR} it writes each view as PNG.
 */
@ExtendWith(ApplicationExtension.class)
class TruncationFxTest {
    private static final Path DEMO = Path.of("datasets/sem-demo");
    private static final Path MODEL = Path.of("models/sem-demo");

    @TempDir
    static Path home;

    FxTaskExecutor tasks;
    MainViewModel vm;
    WaferViewModel wafers;
    MainWindow window;
    Stage stage;

    @Start
    void start(Stage stage) {
        this.stage = stage;
        tasks = new FxTaskExecutor();
        vm = new MainViewModel(tasks, new RecentItems(home.resolve("recent.json")));
        wafers = new WaferViewModel(tasks);
        stage.setScene(new Scene(new javafx.scene.layout.StackPane(), 300, 200));
        stage.show();
        Appearance.apply(Theme.LIGHT); // the program's theme: its fonts decide what fits
    }

    @AfterEach
    void stop() throws Exception {
        WaitForAsyncUtils.asyncFx(() -> Window.getWindows().stream().filter(w -> w != stage).toList()
                .forEach(Window::hide)).get();
        tasks.shutdown();
        tasks.awaitTermination(30);
        WaitForAsyncUtils.asyncFx(Appearance::clear).get(); // the other test classes expect JavaFX's own look
    }

    @Test
    void nothingIsCutAt1280x720() throws Exception {
        assertReadable(1280, 720);
    }

    @Test
    void nothingIsCutAt1920x1080() throws Exception {
        assertReadable(1920, 1080);
    }

    private void assertReadable(int width, int height) throws Exception {
        List<String> cut = new ArrayList<>();
        fx(() -> {
            // as the program starts: the window is made at the size the screen gives it
            window = new MainWindow(vm, wafers, new ThumbnailCache(tasks));
            window.explanations().explanations().banks().setRoot(home.resolve("banks"));
            stage.setScene(new Scene(window, width, height));
            stage.setX(0);
            stage.setY(0);
            stage.sizeToScene();
            wafers.side().averageSymmetriesProperty().set(false);
            wafers.side().useShippedModels(Path.of("models"));
            wafers.open(Path.of("datasets/wm811k/LSWMD_sample.pkl"));
            vm.openDataset(DEMO);
            vm.openModel(MODEL);
        });
        waitFor(() -> vm.imageProperty().get() != null && vm.modelProperty().get() != null);
        fx(() -> window.classification().classifyDataset());
        waitFor(() -> window.classification().count() == 48 && !window.classification().busyProperty().get());
        fx(() -> vm.select(vm.datasetProperty().get().samples().get(9)));
        waitFor(() -> vm.imageProperty().get().sample() == vm.datasetProperty().get().samples().get(9)
                && window.classification().currentProperty().get() != null);
        fx(() -> window.explanations().explanations().explain("gradcam"));
        waitFor(() -> window.explanations().explanations().heatmapLayers().size() == 1
                && !window.explanations().explanations().job().status().busyProperty().get());
        cut.addAll(scan("SEM tab", window, width, height));
        assertTrue(fxGet(() -> shown(window.lookup("#heatmapThreshold"))),
                "the heatmap layer's threshold slider with its tick labels is among what was checked");

        waitFor(() -> wafers.datasetProperty().get() != null && wafers.side().modelsProperty().get() != null);
        fx(() -> {
            window.tabs().getSelectionModel().select(1);
            wafers.selectedProperty().set(wafers.rows().get(3));
            wafers.classifyAll();
        });
        waitFor(() -> wafers.predictionsProperty().get() != null && !wafers.busyProperty().get()
                && wafers.side().proposedProbabilitiesProperty().get() != null);
        cut.addAll(scan("wafer tab", window, width, height));

        fx(() -> {
            window.tabs().getSelectionModel().select(0);
            window.explanations().compare().methods().setAll("gradcam", "layercam", "eigencam");
            window.explanations().openCompare(stage);
        });
        waitFor(() -> window.explanations().compare().panels().size() > 1
                && !window.explanations().compare().job().status().busyProperty().get());
        cut.addAll(scan("compare view", window.explanations().compareView(), width, height));
        fx(() -> window.explanations().openGallery(stage));
        cut.addAll(scan("concept gallery", window.explanations().galleryView(), width, height));

        Stage train = fxGet(() -> TrainingDialog.show(stage, new TrainingViewModel(vm)));
        cut.addAll(scan("Train dialog", train.getScene().getRoot(), width, height));

        Stage wizard = fxGet(() -> (Stage) new StudyWindows(tasks).openNewStudy(stage, DEMO, MODEL)
                .getScene().getWindow());
        cut.addAll(scan("new-study wizard", wizard.getScene().getRoot(), width, height));

        Path study = makeStudy();
        Set<Window> before = Set.copyOf(fxGet(Window::getWindows));
        fx(() -> new StudyWindows(tasks).openRating(stage, study, "dana"));
        waitFor(() -> Window.getWindows().stream().anyMatch(w -> !before.contains(w)));
        Window rating = fxGet(() -> Window.getWindows().stream().filter(w -> !before.contains(w)).findFirst()
                .orElseThrow());
        cut.addAll(scan("rating view", rating.getScene().getRoot(), width, height));
        assertEquals(List.of(), cut, "cut texts at " + width + " x " + height);
    }

    @Test
    void sliderTickLabelsThatDoNotFitAreFound() throws Exception {
        List<List<String>> found = fxGet(() -> List.of(tickLabelsIn(300, 300), tickLabelsIn(60, 60),
                tickLabelsIn(300, 200)));
        assertEquals(List.of(), found.get(0), "a slider 300 px wide in a 300 px pane");
        assertTrue(found.get(1).stream().anyMatch(f -> f.contains("hidden by the axis")), "60 px: " + found.get(1));
        assertTrue(found.get(2).stream().anyMatch(f -> f.contains("tick label \"1\" cut by")),
                "300 px in a pane clipped at 200 px: " + found.get(2));
    }

    /**
     * What {@link Truncations} finds for a 0..1 slider (ticks every 0.25) of a width in a pane clipped at another,
     * in the program's look.
     */
    private static List<String> tickLabelsIn(double sliderWidth, double paneWidth) {
        Slider slider = new Slider(0, 1, 0.5);
        slider.setShowTickLabels(true);
        slider.setMajorTickUnit(0.25);
        slider.setMinWidth(sliderWidth);
        slider.setPrefWidth(sliderWidth);
        slider.setMaxWidth(sliderWidth);
        Pane pane = new Pane(slider);
        pane.setClip(new Rectangle(paneWidth, 100));
        Appearance.style(new Scene(pane, paneWidth, 100));
        pane.applyCss();
        pane.layout();
        return Truncations.in(pane);
    }

    private static boolean shown(Node node) {
        for (Node n = node; n != null; n = n.getParent()) {
            if (!n.isVisible()) {
                return false;
            }
        }
        return node != null;
    }

    /** Fits the node's window into the screen size under test, lays it out and lists what is cut. */
    private List<String> scan(String view, javafx.scene.Parent root, int width, int height) throws Exception {
        fx(() -> {
            Window w = root.getScene().getWindow();
            if (w != stage) {
                w.setX(0);
                w.setY(0);
                w.setWidth(Math.min(w.getWidth(), width));
                w.setHeight(Math.min(w.getHeight(), height));
            }
        });
        WaitForAsyncUtils.waitForFxEvents();
        return fxGet(() -> {
            root.applyCss();
            root.layout();
            String dir = System.getProperty("defectlens.screenshots");
            if (dir != null) {
                PngSnapshot.write(root, Path.of(dir, view.replace(' ', '-') + "-" + width + "x" + height + ".png"));
            }
            List<String> found = Truncations.in(root).stream().map(s -> view + ": " + s).toList();
            found.forEach(f -> System.out.println("cut at " + width + "x" + height + ": " + f));
            return found;
        });
    }

    private static Path makeStudy() throws Exception {
        Path dir = Files.createTempDirectory(home, "study");
        List<StudyCreator.Candidate> images = DatasetOpener.open(DEMO).samples().stream()
                .map(s -> new StudyCreator.Candidate(s.id(), s.image())).toList();
        StudyPlan plan = StudyCreator.create(DEMO, images, List.of("gradcam", "craft"), 3, 5,
                new ModelRef("sem-demo", "0.1"), Questionnaire.explanationSatisfaction(), dir);
        for (var img : plan.images()) {
            Path target = dir.resolve("explanations/gradcam/" + img.id() + ".png");
            Files.createDirectories(target.getParent());
            Files.copy(DEMO.resolve("data/masks/" + img.id() + ".png"), target);
        }
        return dir;
    }

    private static void fx(Runnable r) throws Exception {
        WaitForAsyncUtils.asyncFx(r).get(120, TimeUnit.SECONDS);
        WaitForAsyncUtils.waitForFxEvents();
    }

    private static <T> T fxGet(Supplier<T> s) throws Exception {
        return WaitForAsyncUtils.asyncFx(s::get).get(120, TimeUnit.SECONDS);
    }

    private static void waitFor(Callable<Boolean> condition) throws Exception {
        WaitForAsyncUtils.waitFor(300, TimeUnit.SECONDS, condition);
        WaitForAsyncUtils.waitForFxEvents();
    }
}
