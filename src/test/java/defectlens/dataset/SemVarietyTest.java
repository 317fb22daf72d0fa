package defectlens.dataset;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.lang.reflect.RecordComponent;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.Set;
import org.junit.jupiter.api.Test;

class SemVarietyTest {
    /**
     * SHA-256 (first 8 bytes) of image + mask of {@code synthesize(imageSeed(2026, class), class)}, made with the
     * generator as it was before the wide variety existed (main at e1d9a58): the standard variety must keep them.
     */
    private static final String[] GOLDEN_96 = {"e13b43c5096fdf6f", "2f188c65f510673d", "0f55009a302b6e29",
        "d65df04feeee72af", "e0d064d49529eafd", "63c2052019a4a283"};
    private static final String[] GOLDEN_480 = {"12c9b59479855d48", "6d4c54aec09c6bfe", "c289faa9b2043547",
        "05222b2f1096ece2", "4366f0d42f726cb5", "e2328b64aa837d9d"};

    @Test
    void standardVarietyKeepsTheOriginalBytes() throws NoSuchAlgorithmException {
        for (CarinthiaClass c : CarinthiaClass.values()) {
            long seed = SemGenerator.imageSeed(2026, c.ordinal());
            assertEquals(GOLDEN_96[c.ordinal()], digest(new SemImageSynthesizer(96).synthesize(seed, c)), "96 " + c);
            assertEquals(GOLDEN_480[c.ordinal()],
                    digest(new SemImageSynthesizer(480, SemVariety.STANDARD).synthesize(seed, c)), "480 " + c);
        }
    }

    @Test
    void wideVarietyIsDeterministicAndDiffersFromStandard() {
        SemImageSynthesizer wide = new SemImageSynthesizer(160, SemVariety.WIDE);
        for (CarinthiaClass c : CarinthiaClass.values()) {
            long seed = SemGenerator.imageSeed(5, c.ordinal());
            SyntheticSemImage a = wide.synthesize(seed, c);
            assertArrayEquals(a.image(), wide.synthesize(seed, c).image(), c.toString());
            assertArrayEquals(a.mask(), wide.synthesize(seed, c).mask(), c.toString());
            assertFalse(java.util.Arrays.equals(a.image(), new SemImageSynthesizer(160).synthesize(seed, c).image()));
        }
    }

    @Test
    void wideRangesContainTheStandardOnes() throws ReflectiveOperationException {
        SynthesisRanges s = SynthesisRanges.standard();
        SynthesisRanges w = SynthesisRanges.wide();
        for (RecordComponent rc : SynthesisRanges.class.getRecordComponents()) {
            String name = rc.getName();
            double sv = (double) rc.getAccessor().invoke(s);
            double wv = (double) rc.getAccessor().invoke(w);
            if (name.endsWith("Min") || name.endsWith("Floor")) {
                assertTrue(wv <= sv, name + ": wide starts at " + wv + ", standard at " + sv);
                if (!name.endsWith("Min")) {
                    continue;
                }
                double sMax = sv + span(rc, s);
                double wMax = wv + span(rc, w);
                assertTrue(wMax >= sMax, name + ": wide ends at " + wMax + ", standard at " + sMax);
            }
        }
        assertTrue(w.isWide());
        assertFalse(s.isWide());
    }

    private static double span(RecordComponent min, SynthesisRanges r) throws ReflectiveOperationException {
        if (!min.getName().endsWith("Min")) {
            return 0;
        }
        String spanName = min.getName().replace("Min", "Span");
        for (RecordComponent rc : SynthesisRanges.class.getRecordComponents()) {
            if (rc.getName().equals(spanName)) {
                return (double) rc.getAccessor().invoke(r);
            }
        }
        return 0;
    }

    @Test
    void wideDefectsReachTwoPixelsAndStayVisibleInEveryFrame() {
        SemImageSynthesizer wide = new SemImageSynthesizer(480, SemVariety.WIDE);
        int thinnest = Integer.MAX_VALUE;
        Set<Boolean> orientations = new HashSet<>();
        for (int k = 0; k < 24; k++) {
            for (CarinthiaClass c : new CarinthiaClass[] {CarinthiaClass.THIN_BRIDGE, CarinthiaClass.LINE_BREAK}) {
                long seed = SemGenerator.imageSeed(11, k * 6 + c.ordinal());
                SyntheticSemImage s = wide.synthesize(seed, c);
                assertTrue(s.defectPixels() > 0, c + " " + k + " has an empty mask");
                thinnest = Math.min(thinnest, thinnestSide(s));
                // the defect is seen: a partial frame or a gradient never hides the pixels the mask names
                SyntheticSemImage clean = wide.synthesize(seed, c, false);
                long change = 0;
                for (int i = 0; i < s.mask().length; i++) {
                    if (s.mask()[i] != 0) {
                        change += Math.abs((s.image()[i] & 0xFF) - (clean.image()[i] & 0xFF));
                    }
                }
                assertTrue(change > s.defectPixels(), c + " " + k + " is not visible");
                orientations.add(rowsDifferMoreThanColumns(clean));
            }
        }
        assertTrue(thinnest <= 3, "the thinnest defect is " + thinnest + " px");
        assertEquals(2, orientations.size(), "vertical and horizontal lines");
    }

    /** The smaller side of the mask's bounding box. */
    private static int thinnestSide(SyntheticSemImage s) {
        int x0 = s.width();
        int x1 = -1;
        int y0 = s.height();
        int y1 = -1;
        for (int y = 0; y < s.height(); y++) {
            for (int x = 0; x < s.width(); x++) {
                if (s.mask()[y * s.width() + x] != 0) {
                    x0 = Math.min(x0, x);
                    x1 = Math.max(x1, x);
                    y0 = Math.min(y0, y);
                    y1 = Math.max(y1, y);
                }
            }
        }
        return Math.min(x1 - x0 + 1, y1 - y0 + 1);
    }

    /** True for vertical lines: grey levels change more along a row than down a column. */
    private static boolean rowsDifferMoreThanColumns(SyntheticSemImage s) {
        long along = 0;
        long down = 0;
        int w = s.width();
        for (int y = 1; y < s.height(); y++) {
            for (int x = 1; x < w; x++) {
                int v = s.image()[y * w + x] & 0xFF;
                along += Math.abs(v - (s.image()[y * w + x - 1] & 0xFF));
                down += Math.abs(v - (s.image()[(y - 1) * w + x] & 0xFF));
            }
        }
        return along > down;
    }

    private static String digest(SyntheticSemImage s) throws NoSuchAlgorithmException {
        MessageDigest d = MessageDigest.getInstance("SHA-256");
        d.update(s.image());
        d.update(s.mask());
        return HexFormat.of().formatHex(d.digest()).substring(0, 16);
    }
}
