package defectlens.wafer;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/** The sinograms of real WM-811K maps against scikit-image 0.19's {@code radon(circle=False)}. */
class RadonTransformGoldenTest {

    /** Max |java - skimage| relative to the largest skimage value. */
    static double relativeError(Sinogram java, RadonFixtures.Array skimage) {
        int p = skimage.rows();
        int angles = skimage.cols();
        assertEquals(angles, java.angles(), "angles");
        assertEquals(p, java.detectors(), "detector size");
        double max = 0;
        double diff = 0;
        for (int d = 0; d < p; d++) {
            for (int a = 0; a < angles; a++) {
                float expected = skimage.values()[d * angles + a];
                max = Math.max(max, Math.abs(expected));
                diff = Math.max(diff, Math.abs(expected - java.value(a, d)));
            }
        }
        assertTrue(max > 1, "fixture sinogram is not empty");
        return diff / max;
    }

    @Test
    void oddSizesMatchScikitImageWithTheDefaultCentre() {
        for (int i : RadonFixtures.MAPS) {
            for (int side : new int[] {63, 65}) {
                RadonTransform radon = RadonTransform.of(side, 64);
                assertEquals(RadonCentre.SCIKIT_IMAGE, radon.geometry().centre());
                double err = relativeError(radon.forward(RadonFixtures.mask(i, side)), RadonFixtures.radon(i, side, 64));
                assertTrue(err < 1e-3, "map " + i + " side " + side + ": relative error " + err);
            }
        }
    }

    @Test
    void oneHundredEightyAnglesMatchScikitImage() {
        RadonTransform radon = RadonTransform.of(65, 180);
        double err = relativeError(radon.forward(RadonFixtures.mask(0, 65)), RadonFixtures.radon(0, 65, 180));
        assertTrue(err < 1e-3, "relative error " + err);
    }

    @Test
    void evenSizeMatchesScikitImageWithItsCentre() {
        for (int i : RadonFixtures.MAPS) {
            RadonTransform radon = new RadonTransform(new RadonGeometry(64, 64, RadonCentre.SCIKIT_IMAGE));
            double err = relativeError(radon.forward(RadonFixtures.mask(i, 64)), RadonFixtures.radon(i, 64, 64));
            assertTrue(err < 1e-3, "map " + i + ": relative error " + err);
        }
    }

    @Test
    void evenSizeWithTheGeometricCentreStaysCloseToScikitImage() {
        // half a pixel of shift: same shape, same mass, not the same values
        RadonTransform radon = RadonTransform.of(64, 64);
        assertEquals(RadonCentre.GEOMETRIC, radon.geometry().centre());
        Sinogram s = radon.forward(RadonFixtures.mask(13, 64));
        RadonFixtures.Array sk = RadonFixtures.radon(13, 64, 64);
        double err = relativeError(s, sk);
        assertTrue(err > 1e-3 && err < 0.5, "geometric centre differs by a sub-pixel shift: " + err);
        double javaMass = 0;
        double skMass = 0;
        for (int d = 0; d < sk.rows(); d++) {
            javaMass += s.value(0, d);
            skMass += sk.values()[d * sk.cols()];
        }
        assertEquals(skMass, javaMass, 1e-3 * skMass, "angle 0 sums the whole map in both");
    }

    @Test
    void batchEqualsOneByOne() {
        RadonTransform radon = RadonTransform.of(64, 64);
        float[][] maps = new float[RadonFixtures.MAPS.length][];
        for (int k = 0; k < maps.length; k++) {
            maps[k] = RadonFixtures.mask(RadonFixtures.MAPS[k], 64);
        }
        Sinogram[] batch = radon.forward(maps);
        for (int k = 0; k < maps.length; k++) {
            org.junit.jupiter.api.Assertions.assertArrayEquals(radon.forward(maps[k]).values(), batch[k].values());
        }
    }
}
