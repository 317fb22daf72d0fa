package defectlens.wafer;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

class AugmentedTestSetTest {
    private static final int N = WaferPreprocessing.SIZE;

    /** Real maps of the 200-wafer sample, preprocessed: a Loc / Edge-Loc map has no symmetry. */
    private static LabelledMaps sample(int count) {
        WaferDataset data = WaferPickleReader.read(java.nio.file.Path.of("datasets/wm811k/LSWMD_sample.pkl"));
        List<Integer> rows = new ArrayList<>();
        for (int i = 0; i < data.size() && rows.size() < count; i++) {
            if (WaferClassSet.PAPER7.indexOf(data.get(i).label()) >= 0) {
                rows.add(i);
            }
        }
        return WaferTrainingPlan.labelled(data, rows, WaferClassSet.PAPER7.classes());
    }

    /** A map with a single failed die at (r, c). */
    private static float[] dot(int r, int c) {
        float[] m = new float[N * N];
        m[r * N + c] = 1f;
        return m;
    }

    @Test
    void rotflipIsTheSevenNonIdentitySymmetriesOfTheSquare() {
        // (2, 5) has an orbit of 8 distinct positions under the dihedral group of the 64x64 square
        float[] m = dot(2, 5);
        LabelledMaps one = new LabelledMaps(new float[][] {m}, new int[] {3});
        LabelledMaps copies = AugmentedTestSet.ROTFLIP.apply(one);
        assertEquals(7, copies.size());
        List<String> seen = new ArrayList<>();
        seen.add(Arrays.toString(m));
        for (int i = 0; i < 7; i++) {
            assertEquals(3, copies.labels()[i]);
            String key = Arrays.toString(copies.maps()[i]);
            assertFalse(seen.contains(key), "copy " + i + " repeats the original or another copy");
            seen.add(key);
        }
        // the eight maps are closed under a quarter turn and a flip: together they are the whole orbit
        for (float[] copy : copies.maps()) {
            assertTrue(seen.contains(Arrays.toString(WaferPreprocessing.rotate90(copy, N, 1))));
            assertTrue(seen.contains(Arrays.toString(WaferPreprocessing.flipVertical(copy, N))));
        }
        // positions as numpy would put them: rot90 k=1 moves (r, c) to (n-1-c, r); the transpose to (c, r)
        assertEquals(1f, copies.maps()[0][(N - 1 - 5) * N + 2]);
        assertEquals(1f, copies.maps()[5][5 * N + 2]);
        assertEquals(1f, copies.maps()[6][(N - 1 - 5) * N + (N - 1 - 2)]);
    }

    @Test
    void rotAndFlipCopiesOfRealMapsComeGroupedByTransformWithoutTheOriginals() {
        LabelledMaps test = sample(5);
        LabelledMaps rot = AugmentedTestSet.ROT.apply(test);
        LabelledMaps flip = AugmentedTestSet.FLIP.apply(test);
        assertEquals(15, rot.size());
        assertEquals(10, flip.size());
        for (int i = 0; i < 5; i++) {
            float[] m = test.maps()[i];
            for (int k = 1; k <= 3; k++) {
                assertArrayEquals(WaferPreprocessing.rotate90(m, N, k), rot.maps()[(k - 1) * 5 + i]);
                assertEquals(test.labels()[i], rot.labels()[(k - 1) * 5 + i]);
            }
            assertArrayEquals(WaferPreprocessing.flipHorizontal(m, N), flip.maps()[i]);
            assertArrayEquals(WaferPreprocessing.flipVertical(m, N), flip.maps()[5 + i]);
            assertEquals(test.labels()[i], flip.labels()[5 + i]);
        }
        assertEquals(35, AugmentedTestSet.ROTFLIP.apply(test).size());
        assertSame(test, AugmentedTestSet.NONE.apply(test));
        assertEquals(7, AugmentedTestSet.ROTFLIP.copiesPerMap());
        assertEquals(1, AugmentedTestSet.NONE.copiesPerMap());
    }

    @Test
    void parsesTheCommandLineNames() {
        assertEquals(AugmentedTestSet.ROTFLIP, AugmentedTestSet.parse("RotFlip"));
        assertEquals(AugmentedTestSet.NONE, AugmentedTestSet.parse("none"));
        assertThrows(IllegalArgumentException.class, () -> AugmentedTestSet.parse("shear"));
    }
}
