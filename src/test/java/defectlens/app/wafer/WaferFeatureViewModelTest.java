package defectlens.app.wafer;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import defectlens.app.task.CurrentThreadTaskExecutor;
import defectlens.app.task.TaskLane;
import defectlens.wafer.WaferClassSet;
import defectlens.wafer.WaferDataset;
import defectlens.wafer.WaferMap;
import defectlens.wafer.WaferPickleReader;
import defectlens.wafer.features.FeatureBreakdown;
import defectlens.wafer.features.WaferFeatures;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/** The features + stacking part of the side panel with the same-thread executor. */
class WaferFeatureViewModelTest {
    private static final WaferDataset SAMPLE = WaferPickleReader.read(WaferViewModelTest.SAMPLE);

    private final CurrentThreadTaskExecutor executor = new CurrentThreadTaskExecutor();
    private final WaferFeatureViewModel vm = new WaferFeatureViewModel(executor);

    private static WaferMap failingMap() {
        for (int i = 0; i < SAMPLE.size(); i++) {
            WaferMap m = SAMPLE.get(i);
            if (m.count(WaferMap.FAIL) > 20 && m.rows() != m.cols() && WaferFeatures.defined(m)) {
                return m;
            }
        }
        throw new AssertionError("the sample has a non-square map with failing dies");
    }

    @Test
    void aMapGetsItsFeatureBreakdownWithoutAModel() {
        WaferMap map = failingMap();
        vm.show(map);
        FeatureBreakdown b = vm.breakdownProperty().get();
        assertNotNull(b);
        assertArrayEquals(WaferFeatures.of(map), b.features(), 0);
        assertEquals(13, b.regions().size());
        assertEquals(map.count(WaferMap.FAIL) > 0, b.anyFailing());
        assertEquals(b.largest().size(), Math.round(b.geometry()[0] * map.rows() * map.cols()));
        assertTrue(b.radonMean().length > 5 && b.radonMean().length == b.radonStd().length);
        assertNull(vm.probabilitiesProperty().get());
        assertNull(vm.probabilitiesFor(WaferClassSet.ALL9.classes()));
        assertTrue(executor.lanesUsed.stream().allMatch(l -> l == TaskLane.INTERACTIVE), executor.lanesUsed.toString());
    }

    @Test
    void turnsAndFlipsFollowTheNetworkMapAndResetRestoresTheFile() {
        WaferMap map = failingMap();
        vm.show(map);
        vm.rotate();
        WaferMap turned = vm.breakdownProperty().get().map();
        assertEquals(map.cols(), turned.rows());
        assertEquals(map.rows(), turned.cols());
        // a quarter turn counter-clockwise: the top-left die comes from the top-right one
        assertEquals(map.die(0, map.cols() - 1), turned.die(0, 0));
        vm.flipHorizontal();
        vm.flipVertical();
        assertEquals(map.count(WaferMap.FAIL), vm.breakdownProperty().get().map().count(WaferMap.FAIL));
        vm.reset();
        assertArrayEquals(map.dies(), vm.breakdownProperty().get().map().dies());
        assertTrue(executor.errors.isEmpty(), executor.errors.toString());
    }

    @Test
    void aLoadedBundleGivesProbabilitiesByClassName() {
        vm.loadModel(TinyBseml.bundle());
        assertEquals("wafer-bseml-all9", vm.modelNameProperty().get());
        vm.show(failingMap());
        float[] p = vm.probabilitiesProperty().get();
        assertEquals(9, p.length);
        float sum = 0;
        for (float v : p) {
            sum += v;
        }
        assertEquals(1f, sum, 1e-4f);
        float[] paper7 = vm.probabilitiesFor(WaferClassSet.PAPER7.classes());
        assertEquals(7, paper7.length);
        int donut = WaferClassSet.ALL9.classes().indexOf("Donut");
        assertEquals(p[donut], paper7[WaferClassSet.PAPER7.classes().indexOf("Donut")]);
        assertTrue(Float.isNaN(vm.probabilitiesFor(java.util.List.of("Blob"))[0]));
        vm.show(null);
        assertNull(vm.breakdownProperty().get());
        assertNull(vm.probabilitiesProperty().get());
        assertTrue(executor.errors.isEmpty(), executor.errors.toString());
    }

    @Test
    void aMapTooSmallForFeaturesSaysSo() {
        WaferMap tiny = new WaferMap(new byte[] {1, 2, 1, 2, 1, 1, 1, 1, 1, 1, 1, 1}, 3, 4, "Loc", null, Double.NaN,
                "lot", 1);
        vm.show(tiny);
        assertNull(vm.breakdownProperty().get());
        assertTrue(vm.noteProperty().get().contains("3 x 4"), vm.noteProperty().get());
        assertTrue(executor.errors.isEmpty(), executor.errors.toString());
    }

    @Test
    void aBundleThatCannotBeReadEndsInOneError() {
        vm.loadModel(Path.of("models", "no-such-bseml"));
        assertEquals(1, executor.errors.size());
        assertEquals("Cannot load the features + stacking model", executor.errors.get(0).title());
        assertNull(vm.modelProperty().get());
    }
}
