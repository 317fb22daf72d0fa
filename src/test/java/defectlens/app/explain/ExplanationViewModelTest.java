package defectlens.app.explain;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import defectlens.app.common.Dialogs;
import defectlens.app.common.MainViewModel;
import defectlens.app.common.RecentItems;
import defectlens.app.task.CurrentThreadTaskExecutor;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Heatmaps of the shown image with the same-thread executor: a layer arrives, cancel, errors. */
class ExplanationViewModelTest {
    @TempDir
    Path home;

    @Test
    void aGradCamLayerJoinsTheViewer() {
        ExplainTestWindow w = new ExplainTestWindow(home);
        ExplanationViewModel vm = w.explanations;
        String file = w.main.imageProperty().get().sample().fileName();
        assertNotNull(vm.explain("gradcam"));
        assertEquals(1, vm.heatmapLayers().size());
        assertEquals("gradcam", vm.lastProperty().get().method());
        assertEquals("Done: gradcam on " + file, vm.job().status().statusProperty().get());
        assertFalse(vm.job().status().busyProperty().get());
        assertTrue(w.executor.errors.isEmpty(), w.executor.errors.toString());
    }

    @Test
    void craftWithoutABankEndsInOneErrorSayingHowToGetOne() {
        ExplainTestWindow w = new ExplainTestWindow(home);
        w.explanations.explain("craft");
        assertEquals(1, w.executor.errors.size());
        assertEquals("Cannot explain with craft", w.executor.errors.get(0).title());
        assertTrue(Dialogs.messageOf(w.executor.errors.get(0).error()).contains("Concept gallery"));
        assertTrue(w.explanations.heatmapLayers().isEmpty());
    }

    @Test
    void aCancelledExplanationLeavesTheViewerAsItWas() {
        ExplainTestWindow w = new ExplainTestWindow(home);
        String file = w.main.imageProperty().get().sample().fileName();
        w.executor.hold();
        w.explanations.explain("gradcam");
        assertTrue(w.explanations.job().status().busyProperty().get());
        w.explanations.cancel();
        assertEquals("Cancelled: gradcam on " + file, w.explanations.job().status().statusProperty().get());
        w.executor.runHeld();
        assertTrue(w.explanations.heatmapLayers().isEmpty(), "the cancelled heatmap never arrives");
        assertNull(w.explanations.lastProperty().get());
    }

    @Test
    void withoutAModelNothingRunsAndTheWarningSaysWhy() {
        CurrentThreadTaskExecutor executor = new CurrentThreadTaskExecutor();
        MainViewModel main = new MainViewModel(executor, new RecentItems(home.resolve("recent.json")));
        ExplanationViewModel vm = new ExplanationViewModel(main, new ConceptBanks(home.resolve("banks")));
        assertNull(vm.explain());
        assertEquals("Cannot explain: no model is open", vm.warningProperty().get());
        assertTrue(executor.lanesUsed.isEmpty());
    }

    @Test
    void aFinishedStatusIsClearedWhenTheImageChangesOrTheCauseIsFixed() {
        ExplainTestWindow w = new ExplainTestWindow(home);
        ExplanationViewModel vm = w.explanations;
        javafx.beans.property.StringProperty status = vm.job().status().statusProperty();
        vm.explain("gradcam");
        assertTrue(status.get().startsWith("Done: gradcam on "), status.get());
        w.main.select(w.main.datasetProperty().get().samples().get(1));
        assertEquals("", status.get(), "another image: the old result's status goes");

        vm.explain("craft");
        assertEquals("Cannot explain with craft", status.get(), "no concept bank yet");
        ConceptGalleryViewModel gallery = new ConceptGalleryViewModel(vm);
        gallery.classNameProperty().set(w.main.imageProperty().get().sample().label());
        gallery.fitImagesProperty().set(2);
        gallery.conceptsProperty().set(2);
        gallery.fitOrOpen(true);
        assertNotNull(gallery.galleryProperty().get());
        assertEquals("", status.get(), "the missing bank is there now: the failure no longer applies");

        vm.explain("gradcam");
        assertTrue(status.get().startsWith("Done"), status.get());
        vm.methodProperty().set("layercam");
        assertEquals("", status.get(), "another method chosen");
    }

    @Test
    void heatmapsGetDistinctColormapsAndStayUnderTheMask() {
        ExplainTestWindow w = new ExplainTestWindow(home);
        ExplanationViewModel vm = w.explanations;
        assertTrue(w.main.maskLayer() != null, "the demo image has a ground-truth mask");
        vm.explain("gradcam");
        vm.explain("layercam");
        vm.explain("eigencam");
        java.util.List<defectlens.image.Colormap> maps = vm.heatmapLayers().stream()
                .map(l -> ((defectlens.explain.HeatmapOverlay) l.getLayer()).colormap()).toList();
        assertEquals(3, java.util.Set.copyOf(maps).size(), "three layers, three colormaps: " + maps);
        assertEquals(vm.colormapProperty().get(), maps.get(0), "the first keeps the shared colormap");
        var layers = w.main.layers();
        assertEquals(w.main.maskLayer(), layers.get(layers.size() - 1), "the mask is drawn last, on top");

        // explaining gradcam again replaces its layer in place, with the colour it had
        vm.explain("gradcam");
        assertEquals(3, vm.heatmapLayers().size());
        assertEquals(maps.get(0), ((defectlens.explain.HeatmapOverlay) vm.heatmapLayers().get(0).getLayer())
                .colormap());
    }
}
