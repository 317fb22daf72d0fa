package defectlens.wafer;

import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/**
 * The symmetry relations of the extended [0, 360) sinogram on real 64x64 maps, which hold to float
 * precision with the geometric rotation centre: a quarter turn of the map is a circular shift of the
 * angle axis by 90 degrees, a vertical flip is theta -> -theta and a horizontal flip theta -> 180 - theta.
 */
class RadonSymmetryTest {
    private static final int SIDE = 64;

    private static void assertSameSinogram(Sinogram expected, Sinogram actual, String what) {
        double tol = 1e-5 * expected.maxAbs();
        double worst = 0;
        for (int k = 0; k < expected.values().length; k++) {
            worst = Math.max(worst, Math.abs(expected.values()[k] - actual.values()[k]));
        }
        assertTrue(worst <= tol, what + ": max difference " + worst + " > " + tol);
    }

    private static void checkAll(int angles) {
        RadonTransform radon = RadonTransform.of(SIDE, angles);
        int quarter = angles / 2; // 90 degrees in the extended sinogram of 2 * angles rows over 360 degrees
        int full = 2 * angles;
        for (int i : RadonFixtures.MAPS) {
            float[] map = RadonFixtures.mask(i, SIDE);
            Sinogram ext = radon.forward(map).extendedTo360();
            for (int k = 1; k <= 3; k++) {
                Sinogram rotated = radon.forward(WaferPreprocessing.rotate90(map, SIDE, k)).extendedTo360();
                // np.rot90(m, k): the extended sinogram shifted by k quarter turns
                assertSameSinogram(ext.shiftAngles(k * quarter), rotated, "map " + i + " rot90 x" + k + " at " + angles);
            }
            Sinogram vflip = radon.forward(WaferPreprocessing.flipVertical(map, SIDE)).extendedTo360();
            assertSameSinogram(ext.reflectAngles(0), vflip, "map " + i + " vertical flip at " + angles);
            Sinogram hflip = radon.forward(WaferPreprocessing.flipHorizontal(map, SIDE)).extendedTo360();
            assertSameSinogram(ext.reflectAngles(full / 2), hflip, "map " + i + " horizontal flip at " + angles);
            // the extension itself: theta + 180 is theta with the detector reversed, for the flipped maps too
            assertSameSinogram(ext.shiftAngles(full / 2).shiftAngles(full / 2), ext, "full turn");
        }
    }

    @Test
    void symmetriesHoldExactlyFor64Angles() {
        checkAll(64);
    }

    @Test
    void symmetriesHoldExactlyFor180Angles() {
        checkAll(180);
    }

    @Test
    void scikitImageCentreBreaksTheExactRelationOn64x64() {
        RadonTransform radon = new RadonTransform(new RadonGeometry(SIDE, 64, RadonCentre.SCIKIT_IMAGE));
        float[] map = RadonFixtures.mask(13, SIDE);
        Sinogram ext = radon.forward(map).extendedTo360();
        Sinogram rotated = radon.forward(WaferPreprocessing.rotate90(map, SIDE, 1)).extendedTo360();
        Sinogram expected = ext.shiftAngles(32);
        double worst = 0;
        for (int k = 0; k < expected.values().length; k++) {
            worst = Math.max(worst, Math.abs(expected.values()[k] - rotated.values()[k]));
        }
        assertTrue(worst > 0.1 * expected.maxAbs() * 1e-2, "off-centre rotation is only approximate: " + worst);
    }
}
