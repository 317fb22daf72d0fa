package defectlens.wafer;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.djl.engine.Engine;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Block;
import ai.djl.nn.Parameter;
import ai.djl.nn.convolutional.Conv2d;
import ai.djl.training.GradientCollector;
import ai.djl.training.ParameterStore;
import ai.djl.util.Pair;
import org.junit.jupiter.api.Test;

class KernelFlipConv2dTest {

    static long parameterCount(Block block) {
        long n = 0;
        for (Pair<String, Parameter> p : block.getParameters()) {
            n += p.getValue().getShape().size();
        }
        return n;
    }

    @Test
    void hasTheParametersOfAPlainConv2d() {
        try (NDManager manager = NDManager.newBaseManager()) {
            Shape in = new Shape(2, 16, 32, 32);
            KernelFlipConv2d flip = new KernelFlipConv2d(64, 3);
            flip.initialize(manager, DataType.FLOAT32, in);
            Block plain = Conv2d.builder().setFilters(64).setKernelShape(new Shape(3, 3)).optPadding(new Shape(1, 1)).build();
            plain.initialize(manager, DataType.FLOAT32, in);
            assertEquals(parameterCount(plain), parameterCount(flip));
            assertEquals(64 * 16 * 9 + 64, parameterCount(flip));
            assertEquals(2, flip.getParameters().size(), "one weight, one bias");
            assertEquals(new Shape(2, 64, 32, 32), flip.getOutputShapes(new Shape[] {in})[0]);
        }
    }

    @Test
    void gradientFlowsIntoTheSharedWeight() {
        try (NDManager manager = NDManager.newBaseManager()) {
            KernelFlipConv2d flip = new KernelFlipConv2d(4, 3);
            flip.initialize(manager, DataType.FLOAT32, new Shape(1, 1, 8, 8));
            NDArray x = manager.randomNormal(new Shape(1, 1, 8, 8));
            ParameterStore ps = new ParameterStore(manager, false);
            try (GradientCollector gc = Engine.getInstance().newGradientCollector()) {
                NDArray y = flip.forward(ps, new NDList(x), true).singletonOrThrow();
                gc.backward(y.sum());
            }
            NDArray grad = flip.getParameters().get("weight").getArray().getGradient();
            assertEquals(new Shape(4, 1, 3, 3), grad.getShape());
            assertTrue(grad.abs().sum().getFloat() > 0, "weight gradient is non-zero");
        }
    }

    @Test
    void horizontalFlipOfTheInputFlipsTheOutput() {
        try (NDManager manager = NDManager.newBaseManager()) {
            KernelFlipConv2d flip = new KernelFlipConv2d(8, 3);
            flip.initialize(manager, DataType.FLOAT32, new Shape(1, 1, 64, 64));
            ParameterStore ps = new ParameterStore(manager, false);
            float[] map = RadonFixtures.mask(22, 64);
            NDArray x = manager.create(map, new Shape(1, 1, 64, 64));
            NDArray xf = manager.create(WaferPreprocessing.flipHorizontal(map, 64), new Shape(1, 1, 64, 64));
            NDArray y = flip.forward(ps, new NDList(x), false).singletonOrThrow();
            NDArray yf = flip.forward(ps, new NDList(xf), false).singletonOrThrow();
            assertArrayEquals(y.flip(3).toFloatArray(), yf.toFloatArray(), 1e-5f);
            // a plain convolution with the same weight is not equivariant
            NDArray w = flip.getParameters().get("weight").getArray();
            NDArray b = flip.getParameters().get("bias").getArray();
            NDArray plain = Conv2d.conv2d(x, w, b, new Shape(1, 1), new Shape(1, 1)).singletonOrThrow();
            NDArray plainF = Conv2d.conv2d(xf, w, b, new Shape(1, 1), new Shape(1, 1)).singletonOrThrow();
            assertTrue(plain.flip(3).sub(plainF).abs().max().getFloat() > 1e-3f);
        }
    }
}
