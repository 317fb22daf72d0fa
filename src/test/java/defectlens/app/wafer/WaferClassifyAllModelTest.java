package defectlens.app.wafer;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import defectlens.app.task.CurrentThreadTaskExecutor;
import defectlens.wafer.WaferPredictions;
import defectlens.wafer.WaferWidths;
import org.junit.jupiter.api.Test;

/**
 * The window's "classify all" takes the shipped fast student, says so, and takes the accurate ensemble when asked;
 * single maps stay with the ensemble. Same-thread executor, no window.
 */
class WaferClassifyAllModelTest {
    private final CurrentThreadTaskExecutor executor = new CurrentThreadTaskExecutor();
    private final WaferViewModel vm = new WaferViewModel(executor);

    @Test
    void theStudentClassifiesAllAndTheWindowSaysSoTheEnsembleWhenAsked() {
        vm.open(WaferViewModelTest.SAMPLE);
        vm.side().useShippedModels(WaferViewModelTest.MODELS);
        WaferModelPair pair = vm.side().modelsProperty().get();
        assertNotNull(pair);
        assertEquals("wafer-proposed-paper7", pair.name(), "single maps: the ensemble");
        assertEquals(2, pair.proposed().networkCount());
        assertEquals("wafer-student-paper7", pair.fastName());
        assertEquals(WaferWidths.STUDENT, pair.fast().widths());
        assertEquals("Classify all: wafer-student-paper7 (fast student, one pass per map)", vm.side().wholeFilesText());

        vm.classifyAll();
        WaferPredictions p = vm.predictionsProperty().get();
        assertEquals("wafer-student-paper7", p.model());
        assertTrue(vm.statusProperty().get().startsWith("Classified 200 wafers with wafer-student-paper7"),
                vm.statusProperty().get());

        vm.predictionsProperty().set(null);
        vm.side().accurateClassifyAllProperty().set(true);
        vm.side().averageSymmetriesProperty().set(false);
        assertEquals("Classify all: wafer-proposed-paper7 (accurate, single pass)", vm.side().wholeFilesText());
        vm.classifyAll();
        assertEquals("wafer-proposed-paper7", vm.predictionsProperty().get().model());
        assertTrue(executor.errors.isEmpty(), executor.errors.toString());
    }

    @Test
    void withoutAStudentTheProposedModelClassifiesAll() {
        vm.side().loadModels(WaferViewModelTest.MODELS.resolve("wafer-proposed-paper7"),
                WaferViewModelTest.MODELS.resolve("wafer-baseline-paper7"));
        WaferModelPair pair = vm.side().modelsProperty().get();
        assertNull(pair.fast());
        assertEquals(pair.proposed(), vm.side().wholeFilesModel());
        assertTrue(vm.side().wholeFilesText().startsWith("Classify all: wafer-proposed-paper7 (accurate"),
                vm.side().wholeFilesText());
    }
}
