package defectlens.wafer;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

/**
 * The sinogram network input keeps the symmetries of the Radon transform: on real 64x64 maps a quarter
 * turn is a circular shift of the 64 angle rows by 32 (rows that wrap have their detector reversed), a
 * horizontal flip maps row a to row 64 - a and a vertical flip maps row a to row 64 - a reversed.
 */
class WaferInputEncoderTest {
    private static final int N = 64;
    private static final WaferInputEncoder SINOGRAM = new WaferInputEncoder(WaferVariant.PROPOSED);

    private static float[] row(float[] input, int a, boolean reversed) {
        float[] r = new float[N];
        for (int c = 0; c < N; c++) {
            r[c] = input[a * N + (reversed ? N - 1 - c : c)];
        }
        return r;
    }

    private static void assertRow(float[] expected, float[] actual, int a, String what) {
        assertArrayEquals(expected, row(actual, a, false), 1e-5f, what + " row " + a);
    }

    @Test
    void quarterTurnShiftsTheAngleRows() {
        for (int i : RadonFixtures.MAPS) {
            float[] map = RadonFixtures.mask(i, N);
            float[] in = SINOGRAM.encode(map);
            float[] rotated = SINOGRAM.encode(WaferPreprocessing.rotate90(map, N, 1));
            for (int a = 0; a < N; a++) {
                float[] expected = a < 32 ? row(in, a + 32, true) : row(in, a - 32, false);
                assertRow(expected, rotated, a, "map " + i + " rot90");
            }
        }
    }

    @Test
    void flipsReverseTheAngleRows() {
        for (int i : RadonFixtures.MAPS) {
            float[] map = RadonFixtures.mask(i, N);
            float[] in = SINOGRAM.encode(map);
            float[] h = SINOGRAM.encode(WaferPreprocessing.flipHorizontal(map, N));
            float[] v = SINOGRAM.encode(WaferPreprocessing.flipVertical(map, N));
            assertRow(row(in, 0, true), h, 0, "map " + i + " horizontal flip");
            assertRow(row(in, 0, false), v, 0, "map " + i + " vertical flip");
            for (int a = 1; a < N; a++) {
                assertRow(row(in, N - a, false), h, a, "map " + i + " horizontal flip");
                assertRow(row(in, N - a, true), v, a, "map " + i + " vertical flip");
            }
        }
    }

    @Test
    void mapVariantsPassTheMapThroughAndSinogramsAreScaled() {
        float[] map = RadonFixtures.mask(22, N);
        assertArrayEquals(map, new WaferInputEncoder(WaferVariant.BASELINE).encode(map));
        assertEquals(0, new WaferInputEncoder(WaferVariant.KERNEL_FLIP).angles());
        float[] in = SINOGRAM.encode(map);
        double mass = 0;
        for (float v : map) {
            mass += v;
        }
        // angle 0 sums columns: its 91 bins hold the whole mass; resampled to 64 bins and divided by 64
        double row0 = 0;
        for (int c = 0; c < N; c++) {
            row0 += in[c];
        }
        assertEquals(mass / 64 * 63 / 90, row0, 0.05 * mass / 64);
    }

    @Test
    void oneHundredEightyAnglesAreResampledTo64Rows() {
        float[] in = new WaferInputEncoder(WaferVariant.RADON, 180).encode(RadonFixtures.mask(0, N));
        assertEquals(N * N, in.length);
    }
}
