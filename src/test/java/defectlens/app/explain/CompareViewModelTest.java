package defectlens.app.explain;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The compare view's job with the same-thread executor: panels arrive with progress per method, cancel. */
class CompareViewModelTest {
    @TempDir
    Path home;

    @Test
    void panelsArriveWhenEveryMethodRanAndAFailedMethodIsNamed() {
        ExplainTestWindow w = new ExplainTestWindow(home);
        CompareViewModel vm = new CompareViewModel(w.explanations);
        List<Double> progress = new ArrayList<>();
        vm.job().status().progressProperty().addListener((o, a, b) -> progress.add(b.doubleValue()));
        vm.refresh();
        List<String> titles = vm.panels().stream().map(CompareViewModel.Panel::title).toList();
        assertEquals("Original", titles.get(0));
        assertEquals("Ground-truth mask", titles.get(titles.size() - 1));
        assertEquals(3, titles.size(), "gradcam shown, craft not (no bank): " + titles);
        assertTrue(vm.job().status().statusProperty().get().startsWith("Not shown: {craft="),
                vm.job().status().statusProperty().get());
        assertTrue(progress.contains(0.5), "progress per method: " + progress);
        assertTrue(w.executor.errors.isEmpty(), w.executor.errors.toString());
    }

    @Test
    void aCancelledComparisonShowsNothingAndWithoutAnImageNothingRuns() {
        ExplainTestWindow w = new ExplainTestWindow(home);
        CompareViewModel vm = new CompareViewModel(w.explanations);
        w.executor.hold();
        vm.refresh();
        vm.job().cancel();
        w.executor.runHeld();
        assertTrue(vm.panels().isEmpty());
        assertTrue(vm.job().status().statusProperty().get().startsWith("Cancelled: Comparing"));
        w.main.select(null);
        w.main.imageProperty().set(null);
        assertNull(vm.refresh());
        assertEquals("No image is shown", vm.job().status().statusProperty().get());
    }
}
