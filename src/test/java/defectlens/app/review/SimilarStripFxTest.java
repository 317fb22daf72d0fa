package defectlens.app.review;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import defectlens.app.task.FxTaskExecutor;
import defectlens.core.Progress;
import defectlens.review.QueueOrder;
import defectlens.review.QueueSpec;
import defectlens.review.ReviewSetup;
import defectlens.review.embedding.ExactIndex;
import defectlens.review.embedding.Neighbour;
import defectlens.wafer.InvalidRows;
import defectlens.wafer.WaferDataset;
import defectlens.wafer.WaferPickleReader;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.TimeUnit;
import javafx.scene.Scene;
import javafx.scene.layout.HBox;
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
 * The "More like this" strip beside a wafer review of the shipped sample, with hand-made embeddings (map i lies
 * on axis i mod 10, so the maps like map 0 are 10, 20, ... exactly): selecting a map shows its 8 neighbours,
 * clicking one opens it in the desk, "Send these to the queue" puts them first in the queue.
 */
@ExtendWith(ApplicationExtension.class)
class SimilarStripFxTest {
    static final List<String> CLASSES = List.of("Center", "Donut", "Edge-Loc", "Edge-Ring", "Loc", "Random",
            "Scratch");

    @TempDir
    static Path home;

    final List<Throwable> errors = new ArrayList<>();
    FxTaskExecutor executor;
    ReviewViewModel review;
    SimilarStripViewModel similar;

    @Start
    void start(Stage stage) {
        executor = new FxTaskExecutor();
        executor.setErrorHandler((title, e) -> errors.add(e));
        review = new ReviewViewModel(executor);
        similar = new SimilarStripViewModel(executor, review, (o, p) -> finder(o.wafer().size()));
        review.setOnItem(similar::show);
        stage.setScene(new Scene(new HBox(new ReviewPanel(review, "t"), new SimilarStrip(similar)), 1300, 700));
        stage.sizeToScene();
        stage.show();
    }

    /** Map i on axis i mod 10: the exact neighbours of a map are the maps of its residue, lowest rows first. */
    static SimilarStripViewModel.Finder finder(int n) {
        float[][] v = new float[n][10];
        for (int i = 0; i < n; i++) {
            v[i][i % 10] = 1;
        }
        ExactIndex index = new ExactIndex(v);
        return (item, k) -> index.nearest(v[item], k + 1).stream().filter(x -> x.item() != item).limit(k).toList();
    }

    @AfterEach
    void stop() {
        executor.shutdown();
    }

    private void waitFor(Callable<Boolean> condition) throws Exception {
        WaitForAsyncUtils.waitFor(60, TimeUnit.SECONDS, () -> {
            if (!errors.isEmpty()) {
                throw new AssertionError("error in the window", errors.get(0));
            }
            return condition.call();
        });
        WaitForAsyncUtils.waitForFxEvents();
    }

    @Test
    void theStripShowsNeighboursOpensOneAndSendsThemToTheQueue(FxRobot robot) throws Exception {
        WaferDataset data = WaferPickleReader.read(Path.of("datasets/wm811k/LSWMD_sample.pkl"), Progress.NONE,
                InvalidRows.SKIP);
        Path dir = home.resolve("review");
        ReviewSetup.wafer(dir, data, "paper7", Path.of("models/wafer-proposed-paper7"), CLASSES,
                QueueSpec.of(QueueOrder.DATASET), false);
        WaitForAsyncUtils.asyncFx(() -> review.open(dir, "ana", null, data));
        waitFor(() -> review.sessionProperty().get() != null && review.queue().itemProperty().get() == 0
                && similar.neighbours().size() == SimilarStripViewModel.K);
        assertEquals(List.of(10, 20, 30, 40, 50, 60, 70, 80), items(similar.neighbours()));
        assertEquals(SimilarStripViewModel.K, robot.lookup((javafx.scene.Node n) -> n.getId() != null
                && n.getId().startsWith("similar-")).queryAll().size(), "one thumbnail each");

        robot.clickOn("#similar-2");
        waitFor(() -> review.queue().itemProperty().get() == 30 && items(similar.neighbours()).get(0) == 0);
        assertEquals(List.of(0, 10, 20, 40, 50, 60, 70, 80), items(similar.neighbours()));

        robot.clickOn("#similarToQueue");
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals(List.of(0, 10, 20, 40, 50, 60, 70, 80), review.queue().items().subList(0, 8));
        assertEquals(200, review.queue().items().size(), "the rest of the queue follows, each item once");
        assertTrue(review.queue().items().subList(8, 200).indexOf(10) < 0);
    }

    private static List<Integer> items(List<Neighbour> found) {
        return found.stream().map(Neighbour::item).toList();
    }
}
