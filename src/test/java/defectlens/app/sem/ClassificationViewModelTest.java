package defectlens.app.sem;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import defectlens.app.TinySemModel;
import defectlens.app.common.MainViewModel;
import defectlens.app.common.RecentItems;
import defectlens.app.task.CurrentThreadTaskExecutor;
import defectlens.app.task.TaskLane;
import defectlens.dataset.DatasetOpener;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Classifying from the window with the same-thread executor: batches arrive, progress, cancel, errors. */
class ClassificationViewModelTest {
    static final Path DEMO = Path.of("datasets/sem-demo");

    @TempDir
    static Path home;

    static Path model;

    private final CurrentThreadTaskExecutor executor = new CurrentThreadTaskExecutor();
    private MainViewModel main;
    private ClassificationViewModel vm;

    @BeforeAll
    static void tinyModel() {
        model = TinySemModel.save(home.resolve("tiny"), DatasetOpener.open(DEMO).classes(), 7);
    }

    @BeforeEach
    void open() {
        main = new MainViewModel(executor, new RecentItems(home.resolve("recent.json")));
        vm = new ClassificationViewModel(main);
        main.openDataset(DEMO);
    }

    @Test
    void withoutAModelTheUserIsToldWhatToOpen() {
        assertNull(vm.classifyDataset());
        assertEquals(1, executor.errors.size());
        assertEquals("No model open", executor.errors.get(0).title());
    }

    @Test
    void everyBatchArrivesAsItIsDoneWithProgress() {
        main.openModel(model);
        List<Integer> revisions = new ArrayList<>();
        List<Double> progress = new ArrayList<>();
        vm.revisionProperty().addListener((o, a, b) -> revisions.add(vm.count()));
        vm.progressProperty().addListener((o, a, b) -> progress.add(b.doubleValue()));
        vm.classifyDataset();
        assertEquals(48, vm.count());
        int batch = ClassificationViewModel.batchSize(main.modelProperty().get());
        assertEquals((48 + batch - 1) / batch, revisions.size(), "one revision per batch: " + revisions);
        assertEquals(batch, revisions.get(0));
        assertTrue(progress.contains(1.0) && progress.stream().anyMatch(p -> p > 0 && p < 1), progress.toString());
        assertEquals("48 of 48 images classified by tiny-window-test", vm.statusProperty().get());
        assertFalse(vm.busyProperty().get());
        assertTrue(executor.lanesUsed.contains(TaskLane.CLASSIFICATION));
        assertTrue(executor.errors.isEmpty(), executor.errors.toString());
        main.select(main.datasetProperty().get().samples().get(3));
        assertEquals(main.datasetProperty().get().samples().get(3).id(), vm.currentProperty().get().id());
    }

    @Test
    void cancelStopsBetweenBatchesAndKeepsWhatArrived() {
        main.openModel(model);
        vm.revisionProperty().addListener((o, a, b) -> {
            if (vm.count() > 0 && vm.busyProperty().get()) {
                vm.cancel(); // the user's Cancel, after the first batch
            }
        });
        vm.classifyDataset();
        int batch = ClassificationViewModel.batchSize(main.modelProperty().get());
        assertEquals(batch, vm.count());
        assertTrue(vm.statusProperty().get().startsWith("Cancelled: " + batch + " images classified"),
                vm.statusProperty().get());
        assertFalse(vm.busyProperty().get());
        assertTrue(executor.errors.isEmpty());
    }

    @Test
    void anUnreadableImageIsSkippedAndCountedNotFatal() throws Exception {
        main.openModel(model);
        Path broken = home.resolve("broken");
        Files.createDirectories(broken.resolve("line_break"));
        Files.write(broken.resolve("line_break/cut.png"), new byte[] {(byte) 0x89, 'P', 'N', 'G', 1, 2, 3});
        Path good = main.datasetProperty().get().samples().get(0).image();
        String name = good.getFileName().toString();
        Files.copy(good, broken.resolve("line_break/good" + name.substring(name.lastIndexOf('.'))));
        main.openDataset(broken);
        executor.errors.clear(); // the browser's own read of the broken image fails
        vm.classifyDataset();
        assertTrue(executor.errors.isEmpty(), executor.errors.toString());
        assertEquals(1, vm.count(), "the readable image is classified");
        assertTrue(vm.statusProperty().get().contains("1 unreadable") && vm.statusProperty().get().contains("cut.png"),
                vm.statusProperty().get());
        assertFalse(vm.busyProperty().get());
    }

    @Test
    void predictionsComeBackAfterARestartWithoutClassifying(@TempDir Path cache) {
        String before = System.getProperty("defectlens.cache");
        System.setProperty("defectlens.cache", cache.toString());
        try {
            main.openModel(model);
            vm.revisionProperty().addListener((o, a, b) -> {
                if (vm.count() > 0 && vm.busyProperty().get()) {
                    vm.cancel(); // the first batch only
                }
            });
            vm.classifyDataset();
            int batch = ClassificationViewModel.batchSize(main.modelProperty().get());
            assertEquals(batch, vm.count());

            // a new window on the same data and model: the batch done is there at once, nothing classified
            MainViewModel again = new MainViewModel(executor, new RecentItems(home.resolve("recent2.json")));
            ClassificationViewModel restarted = new ClassificationViewModel(again);
            again.openDataset(DEMO);
            again.openModel(model);
            assertEquals(batch, restarted.count(), restarted.statusProperty().get());
            assertTrue(restarted.statusProperty().get().contains("from the cache"), restarted.statusProperty().get());
            List<Integer> arriving = new ArrayList<>();
            restarted.revisionProperty().addListener((o, a, b) -> arriving.add(restarted.count()));
            restarted.classifyDataset(); // goes on where the cancelled run stopped
            assertEquals(48, restarted.count());
            assertEquals(batch, arriving.get(0), "first the earlier batch: " + arriving);
            assertEquals((48 - batch + batch - 1) / batch, arriving.size() - 1, "then only the rest: " + arriving);
        } finally {
            if (before == null) {
                System.clearProperty("defectlens.cache");
            } else {
                System.setProperty("defectlens.cache", before);
            }
        }
    }
}
