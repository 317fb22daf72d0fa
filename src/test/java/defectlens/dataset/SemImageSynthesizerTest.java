package defectlens.dataset;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class SemImageSynthesizerTest {
    private static final int SIZE = 128;
    private final SemImageSynthesizer synthesizer = new SemImageSynthesizer(SIZE);

    @Test
    void sameSeedGivesIdenticalImageAndMask() {
        for (CarinthiaClass c : CarinthiaClass.values()) {
            long seed = SemGenerator.imageSeed(42, c.label());
            SyntheticSemImage a = synthesizer.synthesize(seed, c);
            SyntheticSemImage b = synthesizer.synthesize(seed, c);
            assertArrayEquals(a.mask(), b.mask(), c + " mask");
            assertArrayEquals(a.image(), b.image(), c + " image");
        }
    }

    @Test
    void differentSeedsGiveDifferentImages() {
        SyntheticSemImage a = synthesizer.synthesize(1, CarinthiaClass.LINE_BREAK);
        SyntheticSemImage b = synthesizer.synthesize(2, CarinthiaClass.LINE_BREAK);
        int differing = 0;
        for (int i = 0; i < a.image().length; i++) {
            if (a.image()[i] != b.image()[i]) {
                differing++;
            }
        }
        assertTrue(differing > a.image().length / 2, "only " + differing + " pixels differ");
    }

    @Test
    void masksAreBinaryNonEmptyForDefectsAndEmptyForNoDefect() {
        for (int k = 0; k < 8; k++) {
            for (CarinthiaClass c : CarinthiaClass.values()) {
                SyntheticSemImage s = synthesizer.synthesize(SemGenerator.imageSeed(7, k * 6 + c.ordinal()), c);
                for (byte v : s.mask()) {
                    assertTrue(v == 0 || v == (byte) 255, "mask values are 0 or 255");
                }
                if (c == CarinthiaClass.NO_DEFECT) {
                    assertEquals(0, s.defectPixels(), "no-defect mask must be empty");
                } else {
                    assertTrue(s.defectPixels() > 0, c + " seed " + k + " has an empty mask");
                }
            }
        }
    }

    @Test
    void pixelsChangedByTheDefectLieInsideTheMask() {
        for (int k = 0; k < 5; k++) {
            for (CarinthiaClass c : CarinthiaClass.values()) {
                if (c == CarinthiaClass.NO_DEFECT) {
                    continue;
                }
                long seed = SemGenerator.imageSeed(11, k * 6 + c.ordinal());
                SyntheticSemImage withDefect = synthesizer.synthesize(seed, c, true);
                SyntheticSemImage clean = synthesizer.synthesize(seed, c, false);
                assertEquals(0, clean.defectPixels(), "a render without its defect has an empty mask");
                boolean[] near = dilate(withDefect.mask(), 3);
                int changed = 0;
                int changedNear = 0;
                int maskChanged = 0;
                for (int i = 0; i < near.length; i++) {
                    int d = Math.abs((withDefect.image()[i] & 0xFF) - (clean.image()[i] & 0xFF));
                    if (d > 6) {
                        changed++;
                        if (near[i]) {
                            changedNear++;
                        }
                        if (withDefect.mask()[i] != 0) {
                            maskChanged++;
                        }
                    }
                }
                assertTrue(changed > 0, c + ": the defect changes no pixel");
                assertEquals(changed, changedNear, c + " seed " + k + ": changed pixels outside mask + 3 px");
                assertTrue(maskChanged >= 0.3 * withDefect.defectPixels(),
                        c + ": only " + maskChanged + " of " + withDefect.defectPixels() + " mask pixels changed");
            }
        }
    }

    @Test
    void framesAreSquareOfTheRequestedSize() {
        SyntheticSemImage s = new SemImageSynthesizer(96).synthesize(3, CarinthiaClass.MULTI_BRIDGE);
        assertEquals(96, s.width());
        assertEquals(96, s.height());
        assertEquals(96 * 96, s.image().length);
        assertEquals(96 * 96, s.mask().length);
    }

    private static boolean[] dilate(byte[] mask, int r) {
        boolean[] out = new boolean[mask.length];
        for (int y = 0; y < SIZE; y++) {
            for (int x = 0; x < SIZE; x++) {
                if (mask[y * SIZE + x] == 0) {
                    continue;
                }
                for (int dy = -r; dy <= r; dy++) {
                    for (int dx = -r; dx <= r; dx++) {
                        int yy = y + dy;
                        int xx = x + dx;
                        if (yy >= 0 && yy < SIZE && xx >= 0 && xx < SIZE) {
                            out[yy * SIZE + xx] = true;
                        }
                    }
                }
            }
        }
        return out;
    }
}
