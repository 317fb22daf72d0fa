package defectlens.app.common;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import defectlens.app.task.CurrentThreadTaskExecutor;
import defectlens.dataset.SemDataset;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The main window's jobs (open a data set, an image, a model) with the same-thread executor: no window. */
class MainViewModelTest {
    static final Path DEMO = Path.of("datasets/sem-demo");

    @TempDir
    Path home;

    private final CurrentThreadTaskExecutor executor = new CurrentThreadTaskExecutor();

    private MainViewModel vm() {
        return new MainViewModel(executor, new RecentItems(home.resolve("recent.json")));
    }

    @Test
    void openingADataSetShowsItsFirstImageWithProgressOnTheWay() {
        MainViewModel vm = vm();
        List<Double> progress = new ArrayList<>();
        vm.progressProperty().addListener((o, a, b) -> progress.add(b.doubleValue()));
        vm.openDataset(DEMO);
        SemDataset d = vm.datasetProperty().get();
        assertEquals(48, d.size());
        assertEquals(d.samples().get(0), vm.selectedProperty().get());
        assertNotNull(vm.imageProperty().get());
        assertEquals(d.samples().get(0), vm.imageProperty().get().sample());
        assertNotNull(vm.maskLayer(), "the demo set has masks: the first image shows its mask layer");
        assertEquals(List.of(DEMO.toAbsolutePath().normalize()), vm.recentItems());
        assertTrue(vm.statusProperty().get().startsWith(d.samples().get(0).fileName()), vm.statusProperty().get());
        assertTrue(progress.contains(-1.0), "indeterminate while reading: " + progress);
        assertEquals(0.0, vm.progressProperty().get());
        assertFalse(vm.busyProperty().get());
        assertTrue(executor.errors.isEmpty(), executor.errors.toString());
    }

    @Test
    void aMissingFolderEndsInOneErrorNamingIt() {
        MainViewModel vm = vm();
        vm.openDataset(home.resolve("nowhere"));
        assertEquals(1, executor.errors.size());
        assertEquals("Cannot open nowhere", executor.errors.get(0).title());
        assertTrue(Dialogs.messageOf(executor.errors.get(0).error()).contains("nowhere"));
        assertNull(vm.datasetProperty().get());
        assertFalse(vm.busyProperty().get());
        assertEquals("Cannot open nowhere", vm.statusProperty().get());
    }

    @Test
    void aNewerSelectionCancelsTheOlderReadAndCancelStopsAll() {
        MainViewModel vm = vm();
        vm.openDataset(DEMO);
        SemDataset d = vm.datasetProperty().get();
        executor.hold();
        vm.select(d.samples().get(1));
        vm.select(d.samples().get(2));
        assertEquals(2, executor.runHeld());
        assertEquals(d.samples().get(2), vm.imageProperty().get().sample(), "the older read's result was dropped");

        executor.hold();
        vm.openDataset(DEMO);
        assertTrue(vm.busyProperty().get());
        vm.cancel();
        assertFalse(vm.busyProperty().get());
        assertEquals("Cancelled: Opening " + DEMO, vm.statusProperty().get());
        executor.runHeld();
        assertEquals(d, vm.datasetProperty().get(), "a cancelled open changes nothing");
        assertTrue(executor.errors.isEmpty());
    }
}
