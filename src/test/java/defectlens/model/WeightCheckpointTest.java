package defectlens.model;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.SequentialBlock;
import ai.djl.nn.convolutional.Conv2d;
import ai.djl.nn.norm.BatchNorm;
import org.junit.jupiter.api.Test;

class WeightCheckpointTest {
    @Test
    void restoresWeightsAndRunningStatisticsAndSpotsNonFiniteValues() {
        try (NDManager m = NDManager.newBaseManager("PyTorch")) {
            SequentialBlock block = new SequentialBlock()
                    .add(Conv2d.builder().setFilters(4).setKernelShape(new Shape(3, 3)).build())
                    .add(BatchNorm.builder().build());
            block.initialize(m, DataType.FLOAT32, new Shape(1, 1, 8, 8));
            assertTrue(WeightCheckpoint.allFinite(block));
            WeightCheckpoint good = WeightCheckpoint.of(block);
            assertTrue(good.finite());
            float[] before = block.getParameters().get(0).getValue().getArray().toFloatArray();
            var running = block.getParameters().valueAt(block.getParameters().size() - 1).getArray();
            float[] runningBefore = running.toFloatArray();
            NDArray weight = block.getParameters().get(0).getValue().getArray();
            float[] poisoned = before.clone();
            poisoned[3] = Float.NaN;
            weight.set(poisoned);
            assertFalse(WeightCheckpoint.allFinite(block));
            float[] inf = runningBefore.clone();
            inf[0] = Float.POSITIVE_INFINITY;
            running.set(inf);
            assertFalse(WeightCheckpoint.of(block).finite());
            good.restore(block);
            assertTrue(WeightCheckpoint.allFinite(block));
            assertArrayEquals(before, block.getParameters().get(0).getValue().getArray().toFloatArray());
            assertArrayEquals(runningBefore, running.toFloatArray());
        }
    }
}
