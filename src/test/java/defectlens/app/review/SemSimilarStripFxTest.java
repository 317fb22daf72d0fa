package defectlens.app.review;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;

import defectlens.app.task.FxTaskExecutor;
import defectlens.dataset.DatasetOpener;
import defectlens.dataset.SemDataset;
import defectlens.review.QueueOrder;
import defectlens.review.QueueSpec;
import defectlens.review.ReviewSetup;
import defectlens.review.embedding.Neighbour;
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
 * The same "More like this" strip beside a SEM review of the shipped demo set, with the hand-made embeddings of
 * {@link SimilarStripFxTest} (image i on axis i mod 10): the neighbours show with thumbnails of their images, a
 * click opens one, "Send these to the queue" puts them first.
 */
@ExtendWith(ApplicationExtension.class)
class SemSimilarStripFxTest {
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
        similar = new SimilarStripViewModel(executor, review, (o, p) -> SimilarStripFxTest.finder(o.sem().size()));
        review.setOnItem(similar::show);
        stage.setScene(new Scene(new HBox(new ReviewPanel(review, "t"), new SimilarStrip(similar)), 1300, 700));
        stage.show();
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
    void theStripShowsSemNeighboursWithThumbnailsOpensOneAndSendsThemToTheQueue(FxRobot robot) throws Exception {
        Path demo = Path.of("datasets/sem-demo");
        SemDataset data = DatasetOpener.open(demo);
        Path dir = home.resolve("review");
        ReviewSetup.sem(dir, demo, data, "sem-demo", Path.of("models/sem-demo"), List.of("single_bridge",
                "thin_bridge", "line_collapse", "line_break", "multi_bridge", "no_defect"),
                QueueSpec.of(QueueOrder.DATASET));
        WaitForAsyncUtils.asyncFx(() -> review.open(dir, "ana", data, null));
        waitFor(() -> review.sessionProperty().get() != null && review.queue().itemProperty().get() == 0
                && similar.neighbours().size() == SimilarStripViewModel.K);
        // the 4 other images on axis 0 (cosine 1), then the lowest rows at cosine 0
        assertEquals(List.of(10, 20, 30, 40, 1, 2, 3, 4), items(similar.neighbours()));
        for (Neighbour n : similar.neighbours()) {
            assertNotNull(similar.picture(n.item()), "a thumbnail of image " + n.item());
        }
        assertEquals(SimilarStripViewModel.K, robot.lookup((javafx.scene.Node n) -> n.getId() != null
                && n.getId().startsWith("similar-")).queryAll().size(), "one cell each");

        robot.clickOn("#similar-1");
        waitFor(() -> review.queue().itemProperty().get() == 20 && items(similar.neighbours()).get(0) == 0);
        assertEquals(List.of(0, 10, 30, 40, 1, 2, 3, 4), items(similar.neighbours()));

        robot.clickOn("#similarToQueue");
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals(List.of(0, 10, 30, 40, 1, 2, 3, 4), review.queue().items().subList(0, 8));
        assertEquals(data.size(), review.queue().items().size(), "the rest of the queue follows, each item once");
    }

    private static List<Integer> items(List<Neighbour> found) {
        return found.stream().map(Neighbour::item).toList();
    }
}
