package defectlens.wafer;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;

class WaferPreprocessingTest {

    @Test
    void rotationByAnyAngleMatchesQuarterTurnsAndKeepsTheCentre() {
        java.util.Random random = new java.util.Random(4);
        float[] map = new float[64 * 64];
        for (int i = 0; i < map.length; i++) {
            map[i] = random.nextDouble() < 0.2 ? 1f : 0f;
        }
        assertArrayEquals(map, WaferPreprocessing.rotate(map, 64, 0));
        for (int k = 1; k <= 3; k++) {
            assertArrayEquals(WaferPreprocessing.rotate90(map, 64, k), WaferPreprocessing.rotate(map, 64, 90 * k), "k=" + k);
        }
        assertArrayEquals(WaferPreprocessing.rotate90(map, 64, -1), WaferPreprocessing.rotate(map, 64, -90));
        // a disc about the geometric centre stays where it is under any angle (up to its rim pixels)
        float[] disc = new float[64 * 64];
        for (int r = 0; r < 64; r++) {
            for (int c = 0; c < 64; c++) {
                disc[r * 64 + c] = Math.hypot(r - 31.5, c - 31.5) < 20 ? 1f : 0f;
            }
        }
        float[] turned = WaferPreprocessing.rotate(disc, 64, 37);
        int differ = 0;
        int on = 0;
        for (int i = 0; i < disc.length; i++) {
            differ += disc[i] != turned[i] ? 1 : 0;
            on += (int) disc[i];
        }
        assertEquals(true, differ < on / 20, differ + " of " + on + " pixels moved");
    }

    @Test
    void nearestResizeMatchesScikitImageOnRealMaps() {
        for (int i : RadonFixtures.MAPS) {
            RadonFixtures.Array raw = RadonFixtures.raw(i);
            for (int side : new int[] {63, 64, 65}) {
                byte[] expected = RadonFixtures.resized(i, side).bytes();
                byte[] actual = WaferPreprocessing.resizeNearest(raw.bytes(), raw.rows(), raw.cols(), side, side);
                assertArrayEquals(expected, actual, "map " + i + " (" + raw.rows() + "x" + raw.cols() + ") -> " + side);
            }
        }
    }

    @Test
    void networkMapKeepsOnlyFailedDies() {
        RadonFixtures.Array raw = RadonFixtures.raw(22);
        float[] map = WaferPreprocessing.toNetworkMap(raw.bytes(), raw.rows(), raw.cols());
        byte[] resized = RadonFixtures.resized(22, 64).bytes();
        assertEquals(64 * 64, map.length);
        int failed = 0;
        for (int k = 0; k < map.length; k++) {
            assertEquals(resized[k] == 2 ? 1f : 0f, map[k]);
            failed += resized[k] == 2 ? 1 : 0;
        }
        assertEquals(true, failed > 0, "a Scratch map has failed dies");
    }

    @Test
    void rotationsAndFlipsFollowNumpy() {
        // 3x3 map 0..8: np.rot90 -> [[2,5,8],[1,4,7],[0,3,6]]
        float[] m = {0, 1, 2, 3, 4, 5, 6, 7, 8};
        assertArrayEquals(new float[] {2, 5, 8, 1, 4, 7, 0, 3, 6}, WaferPreprocessing.rotate90(m, 3, 1));
        assertArrayEquals(new float[] {8, 7, 6, 5, 4, 3, 2, 1, 0}, WaferPreprocessing.rotate90(m, 3, 2));
        assertArrayEquals(new float[] {6, 3, 0, 7, 4, 1, 8, 5, 2}, WaferPreprocessing.rotate90(m, 3, 3));
        assertArrayEquals(WaferPreprocessing.rotate90(m, 3, 3), WaferPreprocessing.rotate90(m, 3, -1));
        assertArrayEquals(new float[] {2, 1, 0, 5, 4, 3, 8, 7, 6}, WaferPreprocessing.flipHorizontal(m, 3));
        assertArrayEquals(new float[] {6, 7, 8, 3, 4, 5, 0, 1, 2}, WaferPreprocessing.flipVertical(m, 3));
    }

    @Test
    void fourQuarterTurnsAreTheIdentityOnARealMap() {
        float[] map = RadonFixtures.mask(13, 64);
        float[] r = map;
        for (int k = 0; k < 4; k++) {
            r = WaferPreprocessing.rotate90(r, 64, 1);
        }
        assertArrayEquals(map, r);
    }

    @Test
    void rejectsInconsistentShapes() {
        assertThrows(IllegalArgumentException.class, () -> WaferPreprocessing.resizeNearest(new byte[5], 2, 3, 4, 4));
        assertThrows(IllegalArgumentException.class, () -> WaferPreprocessing.rotate90(new float[5], 2, 1));
    }
}
