package defectlens.model;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.djl.engine.Engine;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import ai.djl.training.GradientCollector;
import org.junit.jupiter.api.Test;

class EvidenceLossTest {
    /** Two classes, two channels: class 0 weighs channel 0, class 1 channel 1. */
    private static final float[] CLASSIFIER = {1f, 0f, 0f, 1f};

    /** One crop, 2 x 2 cells, channel 0 = {@code first}, channel 1 = {@code second} (row-major cells). */
    private static NDArray maps(NDManager m, float[] first, float[] second) {
        float[] v = new float[8];
        System.arraycopy(first, 0, v, 0, 4);
        System.arraycopy(second, 0, v, 4, 4);
        return m.create(v, new Shape(1, 2, 2, 2));
    }

    @Test
    void shareIsThePositiveMapOutsideTheBoxOfTheLabelledClass() {
        try (NDManager m = NDManager.newBaseManager("PyTorch")) {
            NDArray w = m.create(CLASSIFIER, new Shape(2, 2));
            // the box touches cell 0 only
            float[] outside = {0f, 1f, 1f, 1f};
            NDArray maps = maps(m, new float[] {3f, 1f, -5f, 0f}, new float[] {0f, 0f, 0f, 4f});
            // class 0: positive 3 inside, 1 outside, the negative cell does not count
            assertEquals(0.25f, EvidenceLoss.share(maps, w, new int[] {0}, outside, new float[] {1f}).getFloat(),
                    1e-5f);
            // class 1: all of its positive map is outside
            assertEquals(1f, EvidenceLoss.share(maps, w, new int[] {1}, outside, new float[] {1f}).getFloat(), 1e-5f);
            // a crop without its defect does not count
            assertEquals(0f, EvidenceLoss.share(maps, w, new int[] {1}, outside, new float[] {0f}).getFloat(), 0f);
            // no positive cell: zero, not NaN
            NDArray negative = maps(m, new float[] {-1f, -1f, -1f, -1f}, new float[] {-1f, -1f, -1f, -1f});
            assertEquals(0f, EvidenceLoss.share(negative, w, new int[] {0}, outside, new float[] {1f}).getFloat(),
                    1e-6f);
        }
    }

    @Test
    void gradientDescentMovesTheEvidenceIntoTheBox() {
        try (NDManager m = NDManager.newBaseManager("PyTorch")) {
            NDArray w = m.create(CLASSIFIER, new Shape(2, 2));
            float[] outside = {0f, 1f, 1f, 1f};
            NDArray maps = maps(m, new float[] {1f, 1f, 1f, 1f}, new float[] {0f, 0f, 0f, 0f});
            float before = 0;
            for (int step = 0; step < 20; step++) {
                maps.setRequiresGradient(true);
                float[] grad;
                try (GradientCollector c = Engine.getInstance().newGradientCollector()) {
                    NDArray loss = EvidenceLoss.share(maps, w, new int[] {0}, outside, new float[] {1f});
                    if (step == 0) {
                        before = loss.getFloat();
                    }
                    c.backward(loss);
                    grad = maps.getGradient().toFloatArray();
                }
                float[] v = maps.toFloatArray();
                for (int i = 0; i < v.length; i++) {
                    v[i] -= 0.5f * grad[i];
                }
                maps = m.create(v, maps.getShape());
            }
            float after = EvidenceLoss.share(maps, w, new int[] {0}, outside, new float[] {1f}).getFloat();
            assertEquals(0.75f, before, 1e-5f);
            assertTrue(after < 0.5f * before, "the share outside falls: " + before + " -> " + after);
            float[] v = maps.toFloatArray();
            assertTrue(v[0] > 1f, "the cell on the defect gains: " + v[0]);
        }
    }

    @Test
    void outsideWeightsFreeTheCellsTheBoxCoversMost() {
        int side = 8;
        float[] plane = new float[side * side];
        plane[3 * side + 4] = 1f; // pixel (4, 3): cell (1, 0) of 4 px cells
        float[] into = new float[1 + 4];
        EvidenceLoss.outsideCells(plane, side, 4, into, 1);
        assertArrayEquals(new float[] {0f, 1f, 0f, 1f, 1f}, into);
        // a box over all of cell (0, 0) and half of cell (1, 0): the grazed cell is charged half
        float[] box = new float[side * side];
        for (int y = 0; y < 4; y++) {
            for (int x = 0; x < 6; x++) {
                box[y * side + x] = 1f;
            }
        }
        float[] weights = new float[4];
        EvidenceLoss.outsideCells(box, side, 4, weights, 0);
        assertArrayEquals(new float[] {0f, 0.5f, 1f, 1f}, weights);
        float[] none = new float[4];
        EvidenceLoss.outsideCells(new float[side * side], side, 4, none, 0);
        assertArrayEquals(new float[] {1f, 1f, 1f, 1f}, none, "an empty plane: every cell is outside");
    }
}
