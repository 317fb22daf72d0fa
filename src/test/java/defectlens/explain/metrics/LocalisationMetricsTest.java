package defectlens.explain.metrics;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import defectlens.image.BinaryMask;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/** Quantus's localisation metrics and the map similarities on hand-made maps. */
class LocalisationMetricsTest {
    /** 4x4 mask with the 2x2 block at (1,1) set. */
    private static BinaryMask block() {
        boolean[] fg = new boolean[16];
        fg[5] = fg[6] = fg[9] = fg[10] = true;
        return new BinaryMask(4, 4, fg);
    }

    private static final float[] MAP = {
        0.9f, 0.0f, 0.0f, 0.0f,
        0.0f, 0.8f, 0.5f, 0.0f,
        0.0f, 0.4f, 0.2f, 0.0f,
        0.0f, 0.0f, 0.0f, 0.6f};

    @Test
    void massRankTopKAndAucOnAHandMadeMap() {
        assertEquals(1.9 / 3.4, LocalisationMetrics.relevanceMassAccuracy(MAP, block()), 1e-6);
        // top 4: 0.9 (out), 0.8 (in), 0.6 (out), 0.5 (in)
        assertEquals(0.5, LocalisationMetrics.relevanceRankAccuracy(MAP, block()), 1e-9);
        assertEquals(0.5, LocalisationMetrics.topKIntersection(MAP, block(), 2), 1e-9);
        assertEquals(4 / 16.0, LocalisationMetrics.topKIntersection(MAP, block(), 1000), 1e-9,
                "k above the pixel count takes every pixel");
        // positives 0.8, 0.5, 0.4, 0.2 against 12 negatives (0.9, 0.6, ten zeros): 11 + 10 + 10 + 10 wins
        assertEquals(41 / 48.0, LocalisationMetrics.auc(MAP, block()), 1e-9);
        assertThrows(IllegalArgumentException.class, () -> LocalisationMetrics.auc(new float[3], block()));
    }

    @Test
    void aucMatchesTheCountOfOrderedPairsWithTiesHalf() {
        SplittableRandom rnd = new SplittableRandom(4);
        boolean[] fg = new boolean[400];
        float[] map = new float[400];
        for (int i = 0; i < fg.length; i++) {
            fg[i] = rnd.nextDouble() < 0.2;
            map[i] = rnd.nextInt(7) + (fg[i] ? 2 : 0);
        }
        BinaryMask mask = new BinaryMask(20, 20, fg);
        double wins = 0;
        long pairs = 0;
        for (int i = 0; i < 400; i++) {
            for (int j = 0; j < 400; j++) {
                if (fg[i] && !fg[j]) {
                    pairs++;
                    wins += map[i] > map[j] ? 1 : map[i] == map[j] ? 0.5 : 0;
                }
            }
        }
        assertEquals(wins / pairs, LocalisationMetrics.auc(map, mask), 1e-9);
    }

    @Test
    void similaritiesOfEqualShiftedAndUnrelatedMaps() {
        float[] a = new float[32 * 32];
        float[] shifted = new float[a.length];
        float[] noise = new float[a.length];
        SplittableRandom rnd = new SplittableRandom(1);
        for (int y = 0; y < 32; y++) {
            for (int x = 0; x < 32; x++) {
                a[y * 32 + x] = (float) Math.exp(-((x - 10) * (x - 10) + (y - 12) * (y - 12)) / 20.0);
                shifted[y * 32 + x] = (float) Math.exp(-((x - 22) * (x - 22) + (y - 20) * (y - 20)) / 20.0);
                noise[y * 32 + x] = (float) rnd.nextDouble();
            }
        }
        assertEquals(1.0, MapSimilarity.pearson(a, a), 1e-9);
        assertEquals(1.0, MapSimilarity.ssim(a, a, 32, 32), 1e-9);
        float[] squared = new float[a.length];
        for (int i = 0; i < a.length; i++) {
            squared[i] = a[i] * a[i];
        }
        assertEquals(1.0, MapSimilarity.spearman(a, squared), 1e-9, "rank correlation ignores monotone changes");
        assertTrue(MapSimilarity.pearson(a, squared) < 0.999);
        assertTrue(MapSimilarity.ssim(a, shifted, 32, 32) < 0.6);
        assertTrue(Math.abs(MapSimilarity.spearman(a, noise)) < 0.1);
        assertEquals(0, MapSimilarity.pearson(a, new float[a.length]), "a constant map correlates with nothing");
        float[] small = MapSimilarity.shrink(a, 32, 32, 8);
        assertEquals(64, small.length);
        double mean = 0;
        for (float v : a) {
            mean += v / a.length;
        }
        double smallMean = 0;
        for (float v : small) {
            smallMean += v / small.length;
        }
        assertEquals(mean, smallMean, 1e-6, "area averaging keeps the mean");
    }
}
