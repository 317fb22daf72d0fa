package defectlens.wafer;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Block;
import ai.djl.nn.SequentialBlock;
import ai.djl.nn.norm.BatchNorm;
import ai.djl.nn.pooling.Pool;
import ai.djl.training.ParameterStore;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** The inference graph's own operations against DJL's blocks: the same numbers. */
class FusedWaferNetworksTest {

    @Test
    void maxPoolingByStridedViewsEqualsTheLibrarysPoolingToTheBit() {
        try (NDManager manager = NDManager.newBaseManager()) {
            for (Shape shape : List.of(new Shape(3, 5, 8, 6), new Shape(2, 4, 64, 64), new Shape(2, 3, 7, 5))) {
                NDArray x = manager.randomNormal(shape);
                float[] expected = Pool.maxPool2d(x, new Shape(2, 2), new Shape(2, 2), new Shape(0, 0), false)
                        .toFloatArray();
                NDArray pooled = FusedWaferNetworks.maxPool2x2(x);
                assertEquals(new Shape(shape.get(0), shape.get(1), shape.get(2) / 2, shape.get(3) / 2),
                        pooled.getShape(), shape.toString());
                assertArrayEquals(expected, pooled.toFloatArray(), 0f, shape.toString());
            }
        }
    }

    @Test
    void pooledBeforeOrAfterBatchNormTheProbabilitiesAreTheNetworksOwn() {
        try (NDManager manager = NDManager.newBaseManager()) {
            SequentialBlock net = WaferNetworks.build(WaferVariant.PROPOSED, 7);
            net.initialize(manager, DataType.FLOAT32, WaferNetworks.INPUT_SHAPE);
            Random random = new Random(3);
            int n = 6;
            float[] inputs = new float[n * 64 * 64];
            for (int i = 0; i < inputs.length; i++) {
                inputs[i] = random.nextFloat() < 0.3f ? random.nextFloat() : 0f;
            }
            // trained-looking statistics, all scales positive: pooling runs first
            setBatchNorm(net, random, false);
            compare(net, manager, inputs, n, "all BatchNorm scales positive");
            // some negative scales: the stage keeps the network's order (pooling last)
            setBatchNorm(net, random, true);
            compare(net, manager, inputs, n, "some BatchNorm scales negative");
        }
    }

    private static void setBatchNorm(SequentialBlock net, Random random, boolean someNegative) {
        for (Block layer : net.getChildren().values()) {
            if (layer instanceof BatchNorm) {
                NDArray gamma = layer.getParameters().get("gamma").getArray();
                NDArray beta = layer.getParameters().get("beta").getArray();
                NDArray mean = layer.getParameters().get("runningMean").getArray();
                NDArray var = layer.getParameters().get("runningVar").getArray();
                int c = (int) gamma.size();
                float[] g = new float[c];
                float[] b = new float[c];
                float[] m = new float[c];
                float[] v = new float[c];
                for (int i = 0; i < c; i++) {
                    g[i] = 0.5f + random.nextFloat() * (someNegative && i % 3 == 0 ? -2f : 1f);
                    b[i] = random.nextFloat() - 0.5f;
                    m[i] = random.nextFloat();
                    v[i] = 0.2f + random.nextFloat();
                }
                gamma.set(g);
                beta.set(b);
                mean.set(m);
                var.set(v);
            }
        }
    }

    private static void compare(SequentialBlock net, NDManager manager, float[] inputs, int n, String what) {
        float[] expected;
        try (NDManager m = manager.newSubManager()) {
            NDArray x = m.create(inputs, new Shape(n, 1, 64, 64));
            expected = net.forward(new ParameterStore(m, false), new NDList(x), false).singletonOrThrow()
                    .softmax(1).toFloatArray();
        }
        try (FusedWaferNetworks graph = new FusedWaferNetworks(List.of(net), manager)) {
            float[][] got = graph.probabilities(inputs, n, 1, 7);
            double worst = 0;
            for (int i = 0; i < n; i++) {
                for (int c = 0; c < 7; c++) {
                    worst = Math.max(worst, Math.abs(got[i][c] - expected[i * 7 + c]));
                }
            }
            assertTrue(worst <= 1e-5, what + ": max probability difference " + worst);
        }
    }
}
