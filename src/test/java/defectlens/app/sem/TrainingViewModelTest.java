package defectlens.app.sem;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import defectlens.app.common.MainViewModel;
import defectlens.app.common.RecentItems;
import defectlens.app.task.CurrentThreadTaskExecutor;
import defectlens.app.task.TaskLane;
import defectlens.core.Progress;
import defectlens.dataset.ClassQuota;
import defectlens.dataset.SemGenerator;
import defectlens.model.EfficientNetV2Config;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A training run from the window with the same-thread executor: epochs arrive live, cancel, errors. */
class TrainingViewModelTest {
    @TempDir
    static Path home;

    static Path data;

    private final CurrentThreadTaskExecutor executor = new CurrentThreadTaskExecutor();
    private MainViewModel main;

    @BeforeAll
    static void tinyDataSet() {
        data = home.resolve("generated");
        new SemGenerator(64, 92, 1).generate(data, ClassQuota.balanced(2), 5, Progress.NONE);
    }

    @BeforeEach
    void open() {
        main = new MainViewModel(executor, new RecentItems(home.resolve("recent.json")));
        main.openDataset(data);
    }

    private TrainingViewModel settings(int epochs, Path out) {
        TrainingViewModel vm = new TrainingViewModel(main);
        vm.architectureProperty().set(EfficientNetV2Config.TINY);
        vm.inputSizeProperty().set(64);
        vm.batchSizeProperty().set(6);
        vm.epochsProperty().set(epochs);
        vm.outputProperty().set(out);
        return vm;
    }

    @Test
    void epochsArriveLiveAndTheBundleOpensAsTheModel() {
        TrainingViewModel vm = settings(2, home.resolve("two-epochs"));
        List<Integer> chart = new ArrayList<>();
        List<Double> progress = new ArrayList<>();
        vm.epochReports().addListener((javafx.collections.ListChangeListener<Object>) c -> chart.add(vm.epochReports().size()));
        vm.progressProperty().addListener((o, a, b) -> progress.add(b.doubleValue()));
        vm.start();
        assertEquals(List.of(1, 2), chart, "one chart point per epoch, as it ends");
        assertTrue(progress.stream().anyMatch(p -> p > 0.1 && p < 1), "progress per batch: " + progress);
        assertTrue(vm.statusProperty().get().startsWith("Done after 2 epochs"), vm.statusProperty().get());
        assertFalse(vm.runningProperty().get());
        assertTrue(vm.hasTrainedModel());
        assertTrue(executor.lanesUsed.contains(TaskLane.TRAINING));
        vm.openTrainedModel();
        assertEquals("two-epochs", main.modelProperty().get().name());
        assertTrue(executor.errors.isEmpty(), executor.errors.toString());
    }

    @Test
    void cancelStopsTheRunAndSaysWhereTheBestCheckpointIs() {
        Path out = home.resolve("cancelled");
        TrainingViewModel vm = settings(5, out);
        vm.epochReports().addListener((javafx.collections.ListChangeListener<Object>) c -> vm.cancel());
        vm.start();
        assertEquals(1, vm.epochReports().size());
        assertEquals("Cancelled after 1 epochs; the best checkpoint so far is in " + out, vm.statusProperty().get());
        assertNull(vm.resultProperty().get(), "a cancelled run's result is dropped");
        assertFalse(vm.runningProperty().get());
        assertTrue(Files.isRegularFile(out.resolve("model.json")), "the checkpoint of epoch 1 stays");
        assertTrue(executor.errors.isEmpty());
    }

    @Test
    void missingSettingsAndAFailedRunReachTheErrorHook() throws Exception {
        TrainingViewModel vm = settings(1, null);
        assertNull(vm.start());
        assertEquals("No output folder", executor.errors.get(0).title());
        Path file = Files.writeString(home.resolve("a-file"), "not a folder");
        TrainingViewModel blocked = settings(1, file);
        assertNotNull(blocked.start());
        assertEquals(2, executor.errors.size(), executor.errors.toString());
        assertEquals("Training failed", executor.errors.get(1).title());
        assertEquals("Training failed", blocked.statusProperty().get());
        assertFalse(blocked.hasTrainedModel());
    }
}
