package defectlens.model;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.convolutional.Conv2d;
import org.junit.jupiter.api.Test;

/**
 * DJL hands out the PyTorch engine through {@link PyTorchEngineProvider} (it is found before DJL's own provider),
 * so libtorch's NNPACK flag is off before the first convolution, and a convolution of the kind that used to ask
 * for NNPACK (one image, 3x3, small) still computes. That nothing reaches stderr any more is
 * {@code CliStderrTest}'s part: libtorch's log goes to file descriptor 2, out of this JVM's sight.
 */
class NnpackSwitchTest {
    @Test
    void nnpackIsOffOnceTheEngineIsThere() {
        try (NDManager m = NDManager.newBaseManager()) {
            assertEquals("PyTorch", m.getEngine().getEngineName());
            assertFalse(NnpackSwitch.enabled(), "libtorch's NNPACK flag after the engine was handed out");
            NDArray x = m.ones(new Shape(1, 2, 4, 4));
            NDArray w = m.ones(new Shape(1, 2, 3, 3));
            NDArray y = Conv2d.conv2d(x, w, null, new Shape(1, 1), new Shape(1, 1), new Shape(1, 1), 1)
                    .singletonOrThrow();
            // the centre sees 2 channels x 3 x 3 ones, a corner 2 x 2 x 2
            assertEquals(18f, y.getFloat(0, 0, 1, 1));
            assertEquals(8f, y.getFloat(0, 0, 0, 0));
        }
    }
}
