package defectlens.dataset;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class DefectPainterTest {
    private static final int SIZE = 480;

    /** The material map of one frame of the wide ranges with its defect of {@code type}, and the map without it. */
    private static float[][] paint(long seed, CarinthiaClass type) {
        SynthesisRanges wide = SynthesisRanges.wide();
        LineSpacePattern pattern = LineSpacePattern.random(new SplittableRandom(seed), SIZE, SIZE, 1.0, 0, wide);
        float[] clean = new float[SIZE * SIZE];
        pattern.render(clean);
        float[] material = clean.clone();
        new DefectPainter(pattern, material, new float[SIZE * SIZE], 1.0, wide).paint(type,
                new SplittableRandom(seed * 31 + 7));
        return new float[][] {clean, material};
    }

    @Test
    void wideThinBridgesAreFullResistAboutHalfTheTimeAndFaintOtherwise() {
        int full = 0;
        int faint = 0;
        int n = 60;
        for (int k = 0; k < n; k++) {
            float[][] maps = paint(1000 + k, CarinthiaClass.THIN_BRIDGE);
            float top = 0;
            for (int i = 0; i < maps[0].length; i++) {
                if (maps[1][i] > maps[0][i]) {
                    top = Math.max(top, maps[1][i]);
                }
            }
            if (top == 1.0f) {
                full++;
            } else if (top > 0) {
                assertTrue(top >= 0.30f - 1e-6f && top < 1.0f, "faint film coverage " + top);
                faint++;
            }
        }
        assertEquals(n, full + faint, "every thin bridge paints resist");
        assertTrue(full >= n / 4 && faint >= n / 4, full + " full and " + faint + " faint films of " + n);
    }

    @Test
    void wideLineBreaksReachCutsOfTwoToFourRows() {
        int small = 0;
        int n = 60;
        for (int k = 0; k < n; k++) {
            float[][] maps = paint(2000 + k, CarinthiaClass.LINE_BREAK);
            // the cut's height: rows cut per column (the break may be tilted), the median over the columns it cuts
            List<Integer> heights = new ArrayList<>();
            for (int x = 0; x < SIZE; x++) {
                int cut = 0;
                for (int y = 0; y < SIZE; y++) {
                    if (maps[1][y * SIZE + x] < maps[0][y * SIZE + x]) {
                        cut++;
                    }
                }
                if (cut > 0) {
                    heights.add(cut);
                }
            }
            Collections.sort(heights);
            int rows = heights.get(heights.size() / 2);
            assertTrue(rows >= 2, "break " + k + " cuts " + rows + " rows");
            if (rows <= 4) {
                small++;
            }
        }
        assertTrue(small >= n / 8, small + " of " + n + " breaks cut two to four rows");
    }
}
