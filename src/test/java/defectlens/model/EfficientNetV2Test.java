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
