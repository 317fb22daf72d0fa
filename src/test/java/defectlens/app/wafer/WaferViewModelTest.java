package defectlens.app.wafer;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
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
        List<String> status = new ArrayList<>();
        vm.progressProperty().addListener((o, a, b) -> progress.add(b.doubleValue()));
        vm.statusProperty().addListener((o, a, b) -> status.add(b));
        vm.classifyAll();
        WaferPredictions p = vm.predictionsProperty().get();
        assertEquals(0.0, progress.get(1), "determinate from the start (after the title's -1): " + progress);
        assertTrue(progress.stream().filter(f -> f > 0 && f < 1).count() >= 3, "a step per 64 maps: " + progress);
        assertTrue(status.stream().anyMatch(t -> t.contains(": 64 / 200 maps")), status.toString());
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
        assertTrue(vm.statusProperty().get().startsWith("Classification cancelled"), vm.statusProperty().get());
        executor.runHeld();
        assertNull(vm.predictionsProperty().get(), "the cancelled run's predictions never arrive");
        assertFalse(vm.busyProperty().get());
        assertTrue(executor.errors.isEmpty(), executor.errors.toString());
    }

    @Test
    void mapsWhosePredictionDiffersFromTheirLabelAreFoundAndTheLeastCertainComeFirst() {
        vm.open(SAMPLE);
        defectlens.wafer.WaferDataset d = vm.datasetProperty().get();
        List<String> classes = List.of("Center", "Donut", "Edge-Loc", "Edge-Ring", "Loc", "Random", "Scratch",
                "Near-full", "none");
        int[] predicted = new int[d.size()];
        float[] confidence = new float[d.size()];
        int differing = 0;
        for (int i = 0; i < d.size(); i++) {
            predicted[i] = i % 3 == 0 ? classes.indexOf("Center") : -1;
            confidence[i] = (i * 37 % 100) / 100f;
            if (predicted[i] >= 0 && d.get(i).isLabelled() && !"Center".equals(d.get(i).label())) {
                differing++;
            }
        }
        vm.predictionsProperty().set(new WaferPredictions("test", classes, predicted, confidence));
        assertTrue(differing > 0 && differing < d.size() / 3, "the sample has both kinds: " + differing);
        vm.differsOnlyProperty().set(true);
        assertEquals(differing, vm.rows().size());
        for (int row : vm.rows()) {
            assertTrue(vm.differsFromLabel(row));
            assertNotEquals("Center", d.get(row).label());
        }
        vm.differsOnlyProperty().set(false);
        vm.leastCertainFirstProperty().set(true);
        assertEquals(d.size(), vm.rows().size());
        float last = -1;
        for (int k = 0; k < vm.rows().size(); k++) {
            int row = vm.rows().get(k);
            float c = vm.predictionsProperty().get().confidenceOf(row);
            if (Float.isNaN(c)) {
                assertTrue(k >= (d.size() + 2) / 3, "unclassified maps last, " + row + " at " + k);
                continue;
            }
            assertTrue(c >= last, "least certain first at " + k);
            last = c;
        }
        vm.classFilterProperty().set("Center");
        assertTrue(vm.rows().stream().allMatch(r -> "Center".equals(d.get(r).label())), "filters still apply");
        vm.leastCertainFirstProperty().set(false);
        assertEquals(java.util.stream.IntStream.range(0, d.size()).filter(i -> "Center".equals(d.get(i).label()))
                .boxed().toList(), List.copyOf(vm.rows()), "back to data-set order");
    }
}
