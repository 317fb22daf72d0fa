package defectlens.model;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.index.NDIndex;
import ai.djl.training.ParameterStore;
import defectlens.explain.LayerProbe;
import defectlens.image.SemImageReader;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The shipped demo model (trained on crops) classifies a frame's feature maps by its windows. */
class WindowedHeadTest {
    static final Path MODEL = Path.of("models/sem-demo");
    static final Path IMAGE = Path.of("datasets/sem-demo/data/images/sem_000001.jpg");

    @Test
    void frameOutputsAreTheWindowRuleOnTheWindowsOfTheFeatureMap() {
        // in 96 px units (a window's stride): a 480 px frame has windows at 0, 1, 2, 3 strides (the last flush)
        assertWindowRule(480, List.of(0, 1, 2, 3));
        // a 288 px crop, larger than one window: two windows per side
        assertWindowRule(288, List.of(0, 1));
    }

    private static void assertWindowRule(int side, List<Integer> strides) {
        try (EfficientNetV2Classifier model = (EfficientNetV2Classifier) ModelBundle.load(MODEL);
                NDManager m = NDManager.newBaseManager()) {
            SlidingWindow window = model.slidingWindow();
            assertNotNull(window, "the shipped demo model is a sliding-window model");
            assertEquals(192, window.window());
            assertEquals(96, window.stride());
            int cell = model.network().totalStride();
            int windowCells = 192 / cell;
            List<Integer> offsets = strides.stream().map(k -> k * 96 / cell).toList();
            InputSpec in = new InputSpec(1, side, side, model.input().mean(), model.input().std());
            NDArray x = ModelInputs.tensor(SemImageReader.read(IMAGE), in, m);
            NDArray maps = model.features(x);
            assertEquals(side / cell, maps.getShape().get(2));
            float[] frame = model.head(maps).softmax(1).toFloatArray();

            // by hand: every window's cells through the plain head, then the aggregation rule
            ParameterStore store = new ParameterStore(m, false);
            float[][] perWindow = new float[offsets.size() * offsets.size()][];
            int w = 0;
            for (int y : offsets) {
                for (int xx : offsets) {
                    NDArray cut = maps.get(new NDIndex(":, :, {}:{}, {}:{}", y, y + windowCells, xx,
                            xx + windowCells));
                    perWindow[w++] = model.network().head().forward(store, new NDList(cut), false)
                            .singletonOrThrow().softmax(1).toFloatArray();
                }
            }
            double[] rule = SlidingWindow.aggregate(perWindow, model.classes().indexOf(window.background()));
            for (int c = 0; c < rule.length; c++) {
                assertEquals(rule[c], frame[c], 1e-4, side + " px, class " + model.classes().get(c));
            }
        }
    }

    @Test
    void theGradientOfADefectClassLiesInTheWindowThatDecidesIt() {
        try (EfficientNetV2Classifier model = (EfficientNetV2Classifier) ModelBundle.load(MODEL);
                NDManager m = NDManager.newBaseManager()) {
            SlidingWindow window = model.slidingWindow();
            NDArray x = ModelInputs.tensor(SemImageReader.read(IMAGE), model.input(), m);
            int target = model.classes().indexOf("single_bridge");
            LayerProbe p = LayerProbe.run(model, x, target, true);
            int cells = window.window() * p.height() / window.frame();
            int inside = 0;
            int minX = p.width();
            int maxX = -1;
            int minY = p.height();
            int maxY = -1;
            for (int i = 0; i < p.cells(); i++) {
                boolean any = false;
                for (int k = 0; k < p.channels(); k++) {
                    any |= p.g(k, i) != 0f;
                }
                if (any) {
                    inside++;
                    minX = Math.min(minX, i % p.width());
                    maxX = Math.max(maxX, i % p.width());
                    minY = Math.min(minY, i / p.width());
                    maxY = Math.max(maxY, i / p.width());
                }
            }
            assertEquals(cells * cells, inside, "gradient on exactly one window's cells");
            assertEquals(cells - 1, maxX - minX);
            assertEquals(cells - 1, maxY - minY);
        }
    }
}
