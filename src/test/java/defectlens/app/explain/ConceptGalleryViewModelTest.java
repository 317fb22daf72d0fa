package defectlens.app.explain;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The CRAFT concept gallery's jobs with the same-thread executor: fit with progress, cancel, errors. */
class ConceptGalleryViewModelTest {
    @TempDir
    Path home;

    private static ConceptGalleryViewModel small(ExplainTestWindow w) {
        ConceptGalleryViewModel vm = new ConceptGalleryViewModel(w.explanations);
        vm.classNameProperty().set(w.main.imageProperty().get().sample().label());
        vm.fitImagesProperty().set(2);
        vm.conceptsProperty().set(2);
        return vm;
    }

    @Test
    void aFittedBankShowsItsCropsIsSavedAndMapsTheShownImage() {
        ExplainTestWindow w = new ExplainTestWindow(home);
        ConceptGalleryViewModel vm = small(w);
        List<Double> progress = new ArrayList<>();
        vm.job().status().progressProperty().addListener((o, a, b) -> progress.add(b.doubleValue()));
        vm.fitOrOpen(true);
        ConceptGalleryViewModel.Gallery g = vm.galleryProperty().get();
        assertNotNull(g);
        assertEquals(g.bank().rank(), g.crops().size());
        assertTrue(Files.isRegularFile(w.explanations.banks().folderOf(w.main.modelProperty().get(),
                g.bank().className()).resolve("bank.json")));
        assertTrue(progress.stream().anyMatch(p -> p > 0 && p < 0.8), "fitting: " + progress);
        assertTrue(progress.stream().anyMatch(p -> p >= 0.8 && p < 1), "typical crops: " + progress);
        vm.showConcept(0);
        assertTrue(w.main.layers().stream().anyMatch(l -> l.name().startsWith("craft-concept-0")),
                w.main.layers().toString());
        assertTrue(w.executor.errors.isEmpty(), w.executor.errors.toString());
    }

    @Test
    void cancelDuringTheFitLeavesNoGallery() {
        ExplainTestWindow w = new ExplainTestWindow(home);
        ConceptGalleryViewModel vm = small(w);
        vm.job().status().progressProperty().addListener((o, a, b) -> {
            if (b.doubleValue() > 0) {
                vm.job().cancel();
            }
        });
        vm.fitOrOpen(true);
        assertNull(vm.galleryProperty().get());
        assertTrue(vm.job().status().statusProperty().get().startsWith("Cancelled: Concepts of"),
                vm.job().status().statusProperty().get());
        assertTrue(w.executor.errors.isEmpty(), w.executor.errors.toString());
    }

    @Test
    void aFolderWithoutABankEndsInOneError() {
        ExplainTestWindow w = new ExplainTestWindow(home);
        ConceptGalleryViewModel vm = new ConceptGalleryViewModel(w.explanations);
        vm.load(home.resolve("no-bank"));
        assertEquals(1, w.executor.errors.size());
        assertEquals("Cannot load the concept bank no-bank", w.executor.errors.get(0).title());
        assertNull(vm.galleryProperty().get());
    }
}
