package defectlens.app.wafer;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import defectlens.app.task.CurrentThreadTaskExecutor;
import defectlens.app.task.TaskLane;
import defectlens.wafer.WaferDataset;
import defectlens.wafer.WaferPickleReader;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The wafer side panel's jobs (load models, classify and explain one map) with the same-thread executor. */
class WaferSideViewModelTest {
    private static final WaferDataset SAMPLE = WaferPickleReader.read(WaferViewModelTest.SAMPLE);

    private final CurrentThreadTaskExecutor executor = new CurrentThreadTaskExecutor();
    private final WaferSideViewModel vm = new WaferSideViewModel(executor);

    private void loadPaper7() {
        vm.loadModels(WaferViewModelTest.MODELS.resolve("wafer-proposed-paper7"),
                WaferViewModelTest.MODELS.resolve("wafer-baseline-paper7"));
        vm.averageSymmetriesProperty().set(false); // one pass: 8 times faster than the bundle's averaging
    }

    @Test
    void aMapGetsBothModelsProbabilitiesAndTheirExplanations() {
        loadPaper7();
        vm.show(SAMPLE.get(0));
        assertNotNull(vm.mapPictureProperty().get());
        assertNotNull(vm.sinogramPictureProperty().get());
        assertEquals(7, vm.proposedProbabilitiesProperty().get().length);
        assertEquals(7, vm.baselineProbabilitiesProperty().get().length);
        assertNotNull(vm.proposedWaferRelevanceProperty().get());
        assertNotNull(vm.baselineRelevanceProperty().get());
        assertTrue(vm.lrpTextProperty().get().startsWith("Proposed explains"), vm.lrpTextProperty().get());
        assertTrue(executor.lanesUsed.stream().allMatch(l -> l == TaskLane.INTERACTIVE), executor.lanesUsed.toString());
        vm.rotate();
        assertEquals("turned 90\u00b0", vm.transformTextProperty().get());
        assertTrue(executor.errors.isEmpty(), executor.errors.toString());
    }

    @Test
    void aNewerMapCancelsTheOlderOnesWork() {
        loadPaper7();
        vm.show(SAMPLE.get(0));
        int[] first = vm.mapPictureProperty().get().pixels();
        List<int[]> shown = new ArrayList<>();
        vm.mapPictureProperty().addListener((o, a, b) -> shown.add(b == null ? null : b.pixels()));
        executor.hold();
        vm.show(SAMPLE.get(1));
        vm.show(SAMPLE.get(0));
        vm.show(SAMPLE.get(1));
        assertEquals(6, executor.runHeld(), "per map: the CNN pair's task and the feature view's");
        assertEquals(1, shown.size(), "only the newest map's picture arrives");
        assertFalse(Arrays.equals(first, shown.get(0)));
        vm.show(null);
        assertNull(vm.mapPictureProperty().get());
        assertTrue(executor.errors.isEmpty(), executor.errors.toString());
    }

    @Test
    void modelsThatCannotBeReadEndInOneError() {
        vm.loadModels(Path.of("models/none"), Path.of("models/none-either"));
        assertEquals(1, executor.errors.size());
        assertEquals("Cannot load the wafer models", executor.errors.get(0).title());
        assertNull(vm.modelsProperty().get());
    }
}
