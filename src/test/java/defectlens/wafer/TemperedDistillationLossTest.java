package defectlens.wafer;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import ai.djl.training.loss.SoftmaxCrossEntropyLoss;
import org.junit.jupiter.api.Test;

/**
 * The tempered distillation loss against the formula worked out by hand, and at temperature 1 against DJL's
 * soft-label cross-entropy to the sum of its two halves.
 */
class TemperedDistillationLossTest {
    private static final float[] LOGITS = {2f, -1f, 0.5f, 1f, 0f, 3f};
    /** Per row: hard half (weight 0.3 on the label) then soft half (weight 0.7 on a softened teacher). */
    private static final float[] TARGETS = {0.3f, 0f, 0f, 0.49f, 0.14f, 0.07f, 0f, 0f, 0.3f, 0.07f, 0.21f, 0.42f};

    private static double logSoftmax(float[] z, int row, int c, double t) {
        double max = Double.NEGATIVE_INFINITY;
        for (int k = 0; k < 3; k++) {
            max = Math.max(max, z[row * 3 + k] / t);
        }
        double sum = 0;
        for (int k = 0; k < 3; k++) {
            sum += Math.exp(z[row * 3 + k] / t - max);
        }
        return z[row * 3 + c] / t - max - Math.log(sum);
    }

    private static double expected(double t) {
        double total = 0;
        for (int row = 0; row < 2; row++) {
            for (int c = 0; c < 3; c++) {
                total -= TARGETS[row * 6 + c] * logSoftmax(LOGITS, row, c, 1);
                total -= t * t * TARGETS[row * 6 + 3 + c] * logSoftmax(LOGITS, row, c, t);
            }
        }
        return total / 2;
    }

    private static float loss(NDManager m, double t, float[] targets, long width) {
        return new TemperedDistillationLoss(t).evaluate(new NDList(m.create(targets, new Shape(2, width))),
                new NDList(m.create(LOGITS, new Shape(2, 3)))).getFloat();
    }

    @Test
    void matchesTheFormulaAndAtTemperatureOneTheSoftLabelCrossEntropy() {
        try (NDManager m = NDManager.newBaseManager()) {
            assertEquals(expected(3), loss(m, 3, TARGETS, 6), 1e-5);
            assertEquals(expected(0.5), loss(m, 0.5, TARGETS, 6), 1e-5);
            float[] summed = new float[6];
            for (int row = 0; row < 2; row++) {
                for (int c = 0; c < 3; c++) {
                    summed[row * 3 + c] = TARGETS[row * 6 + c] + TARGETS[row * 6 + 3 + c];
                }
            }
            float plain = new SoftmaxCrossEntropyLoss("ce", 1f, -1, false, true).evaluate(
                    new NDList(m.create(summed, new Shape(2, 3))), new NDList(m.create(LOGITS, new Shape(2, 3))))
                    .getFloat();
            assertEquals(plain, loss(m, 1, TARGETS, 6), 1e-5);
        }
        assertThrows(IllegalArgumentException.class, () -> new TemperedDistillationLoss(0));
    }
}
