package defectlens.wafer;

import java.util.List;
import java.util.stream.IntStream;

/**
 * Turns 64x64 wafer maps (background removed, {@link WaferPreprocessing}) into the 1x64x64 network input of
 * a {@link WaferVariant}.
 *
 * <p>Map variants take the map as it is. Sinogram variants take its Radon transform over {@code angles}
 * (default 64) angles in [0, 180) with the geometric centre ({@link RadonCentre#GEOMETRIC}): rows are
 * angles, columns the 91 detector bins resampled to 64 by linear interpolation with the end bins aligned
 * ({@code x_j = j * 90 / 63}), a resampling symmetric about the detector centre, so that a flip of the map
 * still reverses rows and/or columns of the input exactly; values are divided by the map side (64) so that
 * a full chord is about 1. With {@code angles != 64} the angle axis is resampled to 64 rows the same way
 * (only the 64-angle input keeps the rotation = circular-shift property row for row).
 */
public final class WaferInputEncoder {
    /** Side of the network input. */
    public static final int SIZE = WaferPreprocessing.SIZE;

    /** The eight symmetries of the square: the map itself (copy 0), then {@link AugmentedTestSet#ROTFLIP}. */
    public static final int SYMMETRIES = 1 + AugmentedTestSet.ROTFLIP.transforms().size();

    private final WaferVariant variant;
    private final RadonTransform radon;

    public WaferInputEncoder(WaferVariant variant) {
        this(variant, SIZE);
    }

    public WaferInputEncoder(WaferVariant variant, int angles) {
        this.variant = variant;
        this.radon = variant.sinogramInput() ? new RadonTransform(new RadonGeometry(SIZE, angles, RadonCentre.GEOMETRIC)) : null;
    }

    public WaferVariant variant() {
        return variant;
    }

    /** Number of Radon angles, or 0 for map variants. */
    public int angles() {
        return radon == null ? 0 : radon.geometry().angles();
    }

    /** The network input of one 64x64 map, row-major 64x64. */
    public float[] encode(float[] map) {
        if (map.length != SIZE * SIZE) {
            throw new IllegalArgumentException("wafer network input needs a 64x64 map, got " + map.length + " values");
        }
        if (radon == null) {
            return map.clone();
        }
        return toNetworkInput(radon.forward(map));
    }

    /** The network inputs of a batch of maps (sinograms computed in parallel). */
    public float[][] encode(float[][] maps) {
        float[][] out = new float[maps.length][];
        if (radon == null) {
            for (int i = 0; i < maps.length; i++) {
                out[i] = encode(maps[i]);
            }
            return out;
        }
        Sinogram[] sinograms = radon.forward(maps);
        for (int i = 0; i < maps.length; i++) {
            out[i] = toNetworkInput(sinograms[i]);
        }
        return out;
    }

    /**
     * The network inputs of a batch of maps and of their seven turned / flipped copies, map-major: input
     * {@code i * SYMMETRIES + k} is map {@code i} moved by symmetry {@code k} (0 = as it is, then the
     * transforms of {@link AugmentedTestSet#ROTFLIP} in order). Sinogram variants compute each map's Radon
     * transform once and permute it ({@link SinogramSymmetry}; exact, so the inputs equal those of encoding
     * the moved maps); map variants move the map itself.
     */
    public float[][] encodeWithSymmetries(float[][] maps) {
        List<AugmentedTestSet.Transform> transforms = AugmentedTestSet.ROTFLIP.transforms();
        float[][] out = new float[maps.length * SYMMETRIES][];
        if (radon == null || !SinogramSymmetry.exact(radon.geometry().angles())) {
            for (int i = 0; i < maps.length; i++) {
                out[i * SYMMETRIES] = encode(maps[i]);
                for (int k = 1; k < SYMMETRIES; k++) {
                    out[i * SYMMETRIES + k] = encode(transforms.get(k - 1).apply(maps[i]));
                }
            }
            return out;
        }
        Sinogram[] sinograms = radon.forward(maps);
        IntStream all = IntStream.range(0, maps.length);
        (maps.length >= RadonTransform.PARALLEL_FROM ? all.parallel() : all).forEach(i -> {
            out[i * SYMMETRIES] = toNetworkInput(sinograms[i]);
            for (int k = 1; k < SYMMETRIES; k++) {
                out[i * SYMMETRIES + k] = toNetworkInput(SinogramSymmetry.apply(transforms.get(k - 1), sinograms[i]));
            }
        });
        return out;
    }

    /** Resamples a sinogram to 64x64 (end-aligned linear interpolation) and scales it by 1/64. */
    public static float[] toNetworkInput(Sinogram s) {
        float[] rows = new float[SIZE * s.detectors()];
        for (int r = 0; r < SIZE; r++) {
            double pos = s.angles() == SIZE ? r : (double) r * (s.angles() - 1) / (SIZE - 1);
            int a0 = (int) Math.floor(pos);
            double f = pos - a0;
            int a1 = Math.min(a0 + 1, s.angles() - 1);
            for (int d = 0; d < s.detectors(); d++) {
                rows[r * s.detectors() + d] = (float) ((1 - f) * s.value(a0, d) + f * s.value(a1, d));
            }
        }
        float[] out = new float[SIZE * SIZE];
        int p = s.detectors();
        float scale = 1f / SIZE;
        for (int c = 0; c < SIZE; c++) {
            double pos = (double) c * (p - 1) / (SIZE - 1);
            int d0 = (int) Math.floor(pos);
            double f = pos - d0;
            int d1 = Math.min(d0 + 1, p - 1);
            for (int r = 0; r < SIZE; r++) {
                double v = (1 - f) * rows[r * p + d0] + f * rows[r * p + d1];
                out[r * SIZE + c] = (float) (v * scale);
            }
        }
        return out;
    }
}
