package defectlens.wafer;

/**
 * The sinogram of a turned or flipped map, read off the sinogram of the map itself instead of computing a
 * new Radon transform. With the geometric centre ({@link RadonCentre#GEOMETRIC}) every symmetry of the square
 * is an exact permutation of the sinogram extended to [0, 360) ({@link Sinogram#extendedTo360()}, shown in
 * {@code RadonSymmetryTest}): row {@code a} of the moved map's sinogram is row {@code g(a)} (modulo
 * {@code 2 * angles}) of the extended one, where a quarter turn is {@code q = angles / 2} rows and
 * <ul>
 *   <li>a turn by {@code k} quarters ({@code numpy.rot90(m, k)}): {@code g(a) = a - k q};</li>
 *   <li>a vertical flip: {@code g(a) = -a}; a horizontal flip: {@code g(a) = 2q - a};</li>
 *   <li>the horizontal flip of the 270-degree turn (transpose): {@code g(a) = -q - a};</li>
 *   <li>the horizontal flip of the 90-degree turn (anti-transpose): {@code g(a) = q - a}.</li>
 * </ul>
 * Rows {@code g(a) >= angles} of the extended sinogram are rows {@code g(a) - angles} with the detector axis
 * reversed. Needs an even number of angles (a quarter turn must be a whole number of rows).
 */
public final class SinogramSymmetry {
    private SinogramSymmetry() {}

    /** Whether the symmetries of a sinogram over {@code angles} angles are row permutations (even angles). */
    public static boolean exact(int angles) {
        return angles % 2 == 0;
    }

    /** The sinogram of {@code t} applied to the map whose sinogram is {@code s} (a new array). */
    public static Sinogram apply(AugmentedTestSet.Transform t, Sinogram s) {
        int angles = s.angles();
        if (!exact(angles)) {
            throw new IllegalArgumentException("a quarter turn is not a whole number of rows of " + angles + " angles");
        }
        int q = angles / 2;
        int detectors = s.detectors();
        float[] in = s.values();
        float[] out = new float[in.length];
        for (int a = 0; a < angles; a++) {
            int e = Math.floorMod(sourceRow(t, a, q), 2 * angles);
            int dst = a * detectors;
            if (e < angles) {
                System.arraycopy(in, e * detectors, out, dst, detectors);
            } else {
                int src = (e - angles) * detectors + detectors - 1;
                for (int d = 0; d < detectors; d++) {
                    out[dst + d] = in[src - d];
                }
            }
        }
        return new Sinogram(angles, detectors, out);
    }

    /** Row of the extended sinogram (before the modulo) that row {@code a} of the moved map's sinogram is. */
    private static int sourceRow(AugmentedTestSet.Transform t, int a, int q) {
        return switch (t) {
            case ROT90 -> a - q;
            case ROT180 -> a - 2 * q;
            case ROT270 -> a - 3 * q;
            case FLIP_V -> -a;
            case FLIP_H -> 2 * q - a;
            case TRANSPOSE -> -q - a;
            case ANTI_TRANSPOSE -> q - a;
        };
    }
}
