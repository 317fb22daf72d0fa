package defectlens.wafer;

import static org.junit.jupiter.api.Assertions.assertEquals;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.SequentialBlock;
import ai.djl.training.ParameterStore;
import org.junit.jupiter.api.Test;

class WaferNetworksTest {

    /** conv weights + biases, BatchNorm gamma, beta, running mean, running variance, then the FC layers. */
    static long expectedParameters(int classes) {
        long n = 0;
        long in = 1;
        for (int f : WaferNetworks.FILTERS) {
            n += f * in * 9 + f; // conv
            n += 4L * f; // BatchNorm
            in = f;
        }
        long features = 256 * 4 * 4;
        n += features * 256 + 256;
        n += 256 * 128 + 128;
        n += 128L * classes + classes;
        return n;
    }

    @Test
    void allFourVariantsHaveTheSameShapesAndParameterCount() {
        for (WaferVariant variant : WaferVariant.values()) {
            try (NDManager manager = NDManager.newBaseManager()) {
                SequentialBlock net = WaferNetworks.build(variant, 7);
                net.initialize(manager, DataType.FLOAT32, WaferNetworks.INPUT_SHAPE);
                assertEquals(expectedParameters(7), KernelFlipConv2dTest.parameterCount(net), variant.id());
                assertEquals(new Shape(5, 7), net.getOutputShapes(new Shape[] {new Shape(5, 1, 64, 64)})[0]);
                float[][] inputs = new WaferInputEncoder(variant).encode(new float[][] {
                    RadonFixtures.mask(0, 64), RadonFixtures.mask(13, 64), RadonFixtures.mask(22, 64)});
                float[] flat = new float[3 * 64 * 64];
                for (int i = 0; i < 3; i++) {
                    System.arraycopy(inputs[i], 0, flat, i * 4096, 4096);
                }
                NDArray x = manager.create(flat, new Shape(3, 1, 64, 64));
                NDArray y = net.forward(new ParameterStore(manager, false), new NDList(x), false).singletonOrThrow();
                assertEquals(new Shape(3, 7), y.getShape(), variant.id());
            }
        }
    }

    @Test
    void kernelFlipSitsAtTheSixtyFourFilterStage() {
        assertEquals(KernelFlipConv2d.class, WaferNetworks.build(WaferVariant.PROPOSED, 9).getChildren().get(4).getValue().getClass());
        assertEquals(KernelFlipConv2d.class, WaferNetworks.build(WaferVariant.KERNEL_FLIP, 9).getChildren().get(4).getValue().getClass());
        assertEquals(ai.djl.nn.convolutional.Conv2d.class, WaferNetworks.build(WaferVariant.RADON, 9).getChildren().get(4).getValue().getClass());
    }

    @Test
    void variantsParseFromTheirNames() {
        for (WaferVariant v : WaferVariant.values()) {
            assertEquals(v, WaferVariant.parse(v.id()));
        }
    }
}
