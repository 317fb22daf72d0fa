package defectlens.explain.metrics;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import defectlens.explain.Heatmap;
import defectlens.explain.RegionEvidenceModel;
import defectlens.image.BinaryMask;
import defectlens.image.ImageRaster;
import org.junit.jupiter.api.Test;

class MaskAgreementTest {
    /** 4x4 mask with the 2x2 block at (1,1) set. */
    private static BinaryMask block() {
        boolean[] fg = new boolean[16];
        fg[5] = fg[6] = fg[9] = fg[10] = true;
        return new BinaryMask(4, 4, fg);
    }

    @Test
    void confusionCountsAndRatiosOnAHandMadeMap() {
        float[] map = {
            0.9f, 0.0f, 0.0f, 0.0f,
            0.0f, 0.8f, 0.5f, 0.0f,
            0.0f, 0.49f, 0.2f, 0.0f,
            0.0f, 0.0f, 0.0f, 0.6f};
        PixelAgreement a = MaskAgreement.of(map, block(), 0.5);
        assertEquals(2, a.truePositives());
        assertEquals(2, a.falsePositives());
        assertEquals(2, a.falseNegatives());
        assertEquals(10, a.trueNegatives());
        assertEquals(12 / 16.0, a.accuracy(), 1e-12);
        assertEquals(0.5, a.precision(), 1e-12);
        assertEquals(0.5, a.recall(), 1e-12);
        assertEquals(0.5, a.dice(), 1e-12);
        assertEquals(1 / 3.0, a.iou(), 1e-12);
        PixelAgreement low = MaskAgreement.of(map, block(), 0.1);
        assertEquals(4, low.truePositives());
        assertEquals(1.0, low.recall(), 1e-12);
        assertEquals(4 / 6.0, low.precision(), 1e-12);
    }

    @Test
    void emptyPredictionHasZeroPrecisionNotNaN() {
        PixelAgreement a = MaskAgreement.of(new float[16], block(), 0.5);
        assertEquals(0.0, a.precision());
        assertEquals(0.0, a.dice());
        assertEquals(0.75, a.accuracy(), 1e-12);
    }

    @Test
    void heatmapIsResampledToTheMask() {
        Heatmap h = Heatmap.of("m", 0, "a", 0, new float[] {0, 0, 0, 1}, 2, 2, false, 2, 2);
        boolean[] fg = new boolean[16];
        fg[15] = fg[14] = fg[11] = fg[10] = true;
        PixelAgreement a = MaskAgreement.of(h, new BinaryMask(4, 4, fg), 0.5);
        assertEquals(4, a.truePositives() + a.falseNegatives());
        assertTrue(a.truePositives() >= 1);
    }

    @Test
    void colourMatchingCountsPixelsNearAConceptColour() {
        int[] px = new int[16];
        px[5] = 0xFF1F77B4;
        px[6] = 0xFF2377B0;
        px[0] = 0xFF1F77B4;
        px[9] = 0x001F77B4;
        px[10] = 0xFFFFFFFF;
        PixelAgreement a = ColourMatchAgreement.of(new defectlens.image.ArgbImage(4, 4, px), new int[] {0x1F77B4}, 5, block());
        assertEquals(2, a.truePositives(), "exact and near colours in the mask");
        assertEquals(1, a.falsePositives());
        assertEquals(2, a.falseNegatives(), "transparent and white pixels do not match");
        assertEquals(1, ColourMatchAgreement.of(new defectlens.image.ArgbImage(4, 4, px), new int[] {0x1F77B4}, 0, block())
                .truePositives());
    }

    @Test
    void pointingGame() {
        Heatmap inside = Heatmap.of("m", 0, "a", 0, new float[] {0, 0, 0, 0, 0, 5, 1, 0, 0, 1, 1, 0, 0, 0, 0, 3}, 4, 4, false, 4, 4);
        assertTrue(MaskAgreement.pointingGameHit(inside, block(), 0));
        Heatmap outside = Heatmap.of("m", 0, "a", 0, new float[] {9, 0, 0, 0, 0, 5, 1, 0, 0, 1, 1, 0, 0, 0, 0, 3}, 4, 4, false, 4, 4);
        assertFalse(MaskAgreement.pointingGameHit(outside, block(), 0));
        // (0, 0) is one pixel diagonal from the mask's corner (1, 1): sqrt(2) away
        assertFalse(MaskAgreement.pointingGameHit(outside, block(), 1));
        assertTrue(MaskAgreement.pointingGameHit(outside, block(), 2));
        assertTrue(MaskAgreement.pointingGameHit(outside, block()), "the usual 15 px tolerance");
        assertFalse(MaskAgreement.pointingGameHit(Heatmap.of("m", 0, "a", 0, new float[16], 4, 4, false, 4, 4), block()));
    }

    @Test
    void pointingGameTakesTheMiddleOfAPlateauNotItsFirstPixel() {
        // a 1x9 plateau of maxima along row 0 of a 9x3 map; the mask is a single pixel under its middle
        int w = 9;
        float[] map = new float[w * 3];
        for (int x = 0; x < w; x++) {
            map[x] = 1f;
        }
        boolean[] fg = new boolean[w * 3];
        fg[4] = true;
        BinaryMask mask = new BinaryMask(w, 3, fg);
        assertEquals(4, MaskAgreement.maximumPoint(map, w));
        assertTrue(MaskAgreement.pointingGameHit(Heatmap.of("m", 0, "a", 0, map, w, 3, false, w, 3), mask, 0));
        // an L-shaped plateau: its centroid is off the plateau, the nearest plateau pixel is taken
        float[] l = new float[25];
        for (int i : new int[] {0, 5, 10, 15, 20, 21, 22}) {
            l[i] = 2f;
        }
        int p = MaskAgreement.maximumPoint(l, 5);
        assertEquals(2f, l[p], "a point of the plateau");
        assertEquals(15, p, "(0, 3), nearest to the centroid (0.43, 2.57)");
        assertThrows(IllegalArgumentException.class, () -> MaskAgreement.pointingGameHit(Heatmap.of("m", 0, "a", 0, map, w, 3,
                false, w, 3), mask, -1));
    }

    @Test
    void trapezoidOnAKnownCurve() {
        assertEquals(0.5, FaithfulnessCurves.trapezoid(new double[] {0, 0.5, 1}, new double[] {1, 0.5, 0}), 1e-12);
        assertEquals(0.375, FaithfulnessCurves.trapezoid(new double[] {0, 0.5, 1}, new double[] {1, 0, 0.5}), 1e-12);
    }

    @Test
    void deletionAndInsertionRewardTheMapThatPointsAtTheEvidence() {
        int size = 16;
        byte[] px = new byte[size * size];
        for (int i = 0; i < px.length; i++) {
            int x = i % size;
            int y = i / size;
            px[i] = (byte) (x >= 2 && x < 6 && y >= 2 && y < 6 ? 250 : 20);
        }
        ImageRaster image = ImageRaster.gray8(size, size, px);
        float[] onRegion = new float[size * size];
        float[] offRegion = new float[size * size];
        for (int y = 0; y < size; y++) {
            for (int x = 0; x < size; x++) {
                boolean in = x >= 2 && x < 6 && y >= 2 && y < 6;
                onRegion[y * size + x] = in ? 1f : 0.1f * x / size;
                offRegion[y * size + x] = in ? 0f : 0.1f + (float) x / size;
            }
        }
        try (RegionEvidenceModel model = new RegionEvidenceModel(size, 2, 2, 4, 0.5f)) {
            Heatmap good = Heatmap.of("good", 0, "defect", 0, onRegion, size, size, false, size, size);
            Heatmap bad = Heatmap.of("bad", 0, "defect", 0, offRegion, size, size, false, size, size);
            FaithfulnessCurves curves = new FaithfulnessCurves(16, FaithfulnessCurves.Baseline.MEAN, 5);
            FaithfulnessCurves.Result g = curves.measure(model, image, good);
            FaithfulnessCurves.Result b = curves.measure(model, image, bad);
            assertEquals(17, g.deletion().length);
            double p0 = 1 / (1 + Math.exp(-0.5 * 16 * 250 / 255.0));
            assertEquals(p0, g.deletion()[0], 1e-5, "nothing removed: the full evidence");
            double mean = (16 * 250 + 240 * 20) / 256.0 / 255.0;
            assertEquals(1 / (1 + Math.exp(-0.5 * 16 * mean)), g.insertion()[0], 1e-5, "the mean everywhere");
            assertEquals(g.insertion()[0], g.deletion()[16], 1e-6, "all removed equals nothing inserted");
            assertEquals(p0, g.insertion()[16], 1e-5, "all inserted equals the image");
            assertTrue(g.deletionAuc() < b.deletionAuc(), g.deletionAuc() + " vs " + b.deletionAuc());
            assertTrue(g.insertionAuc() >= b.insertionAuc(), g.insertionAuc() + " vs " + b.insertionAuc());
        }
    }
}
