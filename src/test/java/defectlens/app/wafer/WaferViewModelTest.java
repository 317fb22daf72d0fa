package defectlens.app.wafer;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import defectlens.app.task.CurrentThreadTaskExecutor;
import defectlens.app.task.TaskLane;
import defectlens.wafer.WaferPredictions;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The wafer browser's jobs (read a pickle, classify all maps) with the same-thread executor: no window. */
class WaferViewModelTest {
    static final Path SAMPLE = Path.of("datasets/wm811k/LSWMD_sample.pkl");
    static final Path MODELS = Path.of("models");

    private final CurrentThreadTaskExecutor executor = new CurrentThreadTaskExecutor();
    private final WaferViewModel vm = new WaferViewModel(executor);

    @Test
    void readingAPickleReportsTheShareReadAndShowsTheMaps() {
        List<Double> progress = new ArrayList<>();
        vm.progressProperty().addListener((o, a, b) -> progress.add(b.doubleValue()));
        vm.open(SAMPLE);
        assertEquals(200, vm.datasetProperty().get().size());
        assertEquals(200, vm.rows().size());
        assertEquals(0, vm.selectedProperty().get());
        assertTrue(vm.statusProperty().get().startsWith("LSWMD_sample.pkl: 200 wafers"), vm.statusProperty().get());
        assertTrue(progress.stream().anyMatch(p -> p > 0 && p < 1), "a share of the file read: " + progress);
        assertTrue(progress.contains(1.0), progress.toString());
        assertFalse(vm.busyProperty().get());
        assertEquals(TaskLane.WORK, executor.lanesUsed.get(0));
        assertTrue(executor.errors.isEmpty());
    }

    @Test
    void aMissingFileEndsInOneErrorAndCancelLeavesNothingHalfRead() {
        vm.open(Path.of("datasets/wm811k/nothing.pkl"));
        assertEquals(1, executor.errors.size());
        assertEquals("Cannot open nothing.pkl", executor.errors.get(0).title());
        assertNull(vm.datasetProperty().get());

        executor.hold();
        vm.open(SAMPLE);
        vm.cancel();
        assertEquals("Cancelled reading LSWMD_sample.pkl", vm.statusProperty().get());
        executor.runHeld();
        assertNull(vm.datasetProperty().get(), "the cancelled read's maps are dropped");
        assertFalse(vm.busyProperty().get());
        assertEquals(1, executor.errors.size());
    }

    @Test
    void classifyAllNeedsModelsThenFillsThePredictions() {
        vm.open(SAMPLE);
        vm.classifyAll();
        assertEquals("Cannot classify", executor.errors.get(0).title());
        vm.side().loadModels(MODELS.resolve("wafer-proposed-paper7"), MODELS.resolve("wafer-baseline-paper7"));
        assertNotNull(vm.side().modelsProperty().get());
        vm.side().averageSymmetriesProperty().set(false);
        List<Double> progress = new ArrayList<>();
        vm.progressProperty().addListener((o, a, b) -> progress.add(b.doubleValue()));
        vm.classifyAll();
        WaferPredictions p = vm.predictionsProperty().get();
        assertNotNull(p);
        for (int i = 0; i < 200; i++) {
            assertTrue(p.confidenceOf(i) > 0, "map " + i + " classified");
        }
        assertTrue(progress.contains(1.0), "progress per batch: " + progress);
        assertTrue(vm.statusProperty().get().startsWith("Classified 200 wafers"), vm.statusProperty().get());
        assertEquals(1, executor.errors.size());
    }

    @Test
    void aCancelledClassifyAllLeavesNoPredictions() {
        vm.open(SAMPLE);
        vm.side().loadModels(MODELS.resolve("wafer-proposed-paper7"), MODELS.resolve("wafer-baseline-paper7"));
        executor.hold();
        vm.classifyAll();
        assertTrue(vm.busyProperty().get());
        vm.cancel();
        assertEquals("Classification cancelled", vm.statusProperty().get());
        executor.runHeld();
        assertNull(vm.predictionsProperty().get(), "the cancelled run's predictions never arrive");
        assertFalse(vm.busyProperty().get());
        assertTrue(executor.errors.isEmpty(), executor.errors.toString());
    }
}
