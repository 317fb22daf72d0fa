package defectlens.wafer;

import defectlens.image.ArgbImage;
import defectlens.image.Colormap;

/** Pictures of what the wafer networks see: the 64x64 failing-die map and its sinogram. */
public final class WaferPictures {
    private WaferPictures() {
    }

    /** A network input map (1 = failing die) in the legend's fail colour on a dark background. */
    public static ArgbImage networkMap(float[] map, int side) {
        int[] px = new int[side * side];
        for (int i = 0; i < px.length; i++) {
            px[i] = map[i] > 0.5f ? WaferMapPicture.FAIL_ARGB : WaferMapPicture.BACKGROUND_ARGB;
        }
        return new ArgbImage(side, side, px);
    }

    /** A sinogram with angles down and detector bins across, scaled to its maximum, in viridis. */
    public static ArgbImage sinogram(Sinogram s) {
        float max = Math.max(1e-12f, s.maxAbs());
        int[] px = new int[s.angles() * s.detectors()];
        for (int a = 0; a < s.angles(); a++) {
            for (int d = 0; d < s.detectors(); d++) {
                px[a * s.detectors() + d] = Colormap.VIRIDIS.argb(s.value(a, d) / max);
            }
        }
        return new ArgbImage(s.detectors(), s.angles(), px);
    }
}
