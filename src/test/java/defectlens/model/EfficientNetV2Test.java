package defectlens.model;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.training.ParameterStore;
import org.junit.jupiter.api.Test;

class EfficientNetV2Test {
    @Test
    void smallWithThousandClassesHasTorchvisionParameterCount() {
        try (NDManager manager = NDManager.newBaseManager("PyTorch")) {
            EfficientNetV2 net = new EfficientNetV2(EfficientNetV2Config.small(), 1000);
            net.initialize(manager, DataType.FLOAT32, new Shape(1, 3, 64, 64));
            assertEquals(21_458_488L, net.trainableParameterCount());
        }
    }

    @Test
    void outputStride16HalvesTheCellsWithTheWeightsOfTiny() {
        try (NDManager manager = NDManager.newBaseManager("PyTorch")) {
            EfficientNetV2 tiny = new EfficientNetV2(EfficientNetV2Config.tiny(), 6);
            tiny.initialize(manager, DataType.FLOAT32, new Shape(1, 1, 192, 192));
            EfficientNetV2 dense = new EfficientNetV2(EfficientNetV2Config.named("tiny-os16"), 6);
            dense.initialize(manager, DataType.FLOAT32, new Shape(1, 1, 192, 192));
            assertEquals(16, dense.totalStride());
            assertEquals(32, tiny.totalStride());
            assertEquals(new Shape(1, 256, 12, 12),
                    dense.features().getOutputShapes(new Shape[] {new Shape(1, 1, 192, 192)})[0]);
            var a = tiny.getParameters();
            var b = dense.getParameters();
            assertEquals(a.size(), b.size());
            for (int i = 0; i < a.size(); i++) {
                assertEquals(a.get(i).getValue().getArray().getShape(), b.get(i).getValue().getArray().getShape(),
                        a.get(i).getKey());
            }
            // the undecimated stage: first block at stride 1, the later blocks' 3 x 3 dilated by the old stride
            StageSpec last = EfficientNetV2Config.tiny().stages().get(4).undecimated();
            assertEquals(1, last.stride());
            assertEquals(2, last.dilation());
            ParameterStore store = new ParameterStore(manager, false);
            NDArray x = manager.randomNormal(new Shape(1, 1, 192, 192));
            NDArray maps = dense.features().forward(store, new NDList(x), false).singletonOrThrow();
            assertArrayEquals(new long[] {1, 256, 12, 12}, maps.getShape().getShape());
        }
    }

    @Test
    void tinyGrayStemGivesLogitsAndSplitMaps() {
        try (NDManager manager = NDManager.newBaseManager("PyTorch")) {
            EfficientNetV2 net = new EfficientNetV2(EfficientNetV2Config.tiny(), 6);
            net.initialize(manager, DataType.FLOAT32, new Shape(1, 1, 128, 128));
            assertEquals(new Shape(2, 256, 4, 4), net.features().getOutputShapes(new Shape[] {new Shape(2, 1, 128, 128)})[0]);
            ParameterStore store = new ParameterStore(manager, false);
            NDArray x = manager.randomNormal(new Shape(2, 1, 128, 128));
            NDArray maps = net.features().forward(store, new NDList(x), false).singletonOrThrow();
            assertArrayEquals(new long[] {2, 256, 4, 4}, maps.getShape().getShape());
            NDArray logits = net.forward(store, new NDList(x), false).singletonOrThrow();
            assertArrayEquals(new long[] {2, 6}, logits.getShape().getShape());
            assertTrue(net.layerNames().contains(EfficientNetV2.SPLIT_LAYER));
            assertEquals(EfficientNetV2.SPLIT_LAYER, net.layerNames().get(net.layerNames().size() - 3));
        }
    }
}
