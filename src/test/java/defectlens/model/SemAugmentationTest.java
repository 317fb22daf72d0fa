package defectlens.model;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.Random;
import org.junit.jupiter.api.Test;

class SemAugmentationTest {
    private static float[] ramp(int size) {
        float[] img = new float[size * size];
        for (int i = 0; i < img.length; i++) {
            img[i] = i / (float) img.length;
        }
        return img;
    }

    @Test
    void flipsAndRotationsOnlyMovePixels() {
        float[] img = ramp(16);
        SemAugmentation geometric = new SemAugmentation(0, 0, 0);
        Random random = new Random(4);
        boolean changed = false;
        for (int k = 0; k < 8; k++) {
            float[] out = geometric.apply(img, 16, random);
            float[] a = out.clone();
            float[] b = img.clone();
            Arrays.sort(a);
            Arrays.sort(b);
            assertArrayEquals(b, a, 1e-6f);
            changed |= !Arrays.equals(out, img);
        }
        assertTrue(changed);
    }

    @Test
    void intensityChangesStayInRange() {
        float[] img = ramp(16);
        float[] out = SemAugmentation.standard().apply(img, 16, new Random(1));
        assertEquals(img.length, out.length);
        for (float v : out) {
            assertTrue(v >= 0f && v <= 1f);
        }
    }

    @Test
    void aMaskPlaneMovesWithTheImageAndTheImageIsAugmentedAsWithoutIt() {
        int size = 12;
        float[] img = ramp(size);
        float[] plane = new float[size * size];
        plane[2 * size + 9] = 1f; // one pixel off every symmetry axis
        for (long seed = 0; seed < 12; seed++) {
            float[][] both = SemAugmentation.strong().apply(img, plane, size, new Random(seed));
            assertArrayEquals(SemAugmentation.strong().apply(img, size, new Random(seed)), both[0], 0f,
                    "the same draws as without a plane");
            // the geometric part alone, drawn from the same seed: the ramp's values say where each pixel came from
            float[] moved = new SemAugmentation(0, 0, 0).apply(img, size, new Random(seed));
            for (int i = 0; i < moved.length; i++) {
                boolean fromMarked = Math.abs(moved[i] - img[2 * size + 9]) < 1e-7f;
                assertEquals(fromMarked ? 1f : 0f, both[1][i], "pixel " + i + ", seed " + seed);
            }
        }
    }
}
