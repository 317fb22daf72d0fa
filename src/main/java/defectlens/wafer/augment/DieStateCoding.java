package defectlens.wafer.augment;

import defectlens.wafer.WaferMap;
import defectlens.wafer.WaferPreprocessing;

/**
 * How the auto-encoder sees a wafer map: nearest-resized to {@value #SIZE} x {@value #SIZE} dies (as the paper
 * resizes) and the three die states coded into [0, 1] as 0 (no die) -> 0, 1 (pass) -> 0.5, 2 (fail) -> 1. Back:
 * inside the source map's footprint (its dies that are not 0) a value of at least {@value #FAIL_THRESHOLD} (midway
 * between pass and fail) is a failing die and anything lower a passing die; outside the footprint there is no die.
 */
public final class DieStateCoding {
    /** The side of the auto-encoder's maps. */
    public static final int SIZE = 32;
    /** Decoded values from here up are failing dies. */
    public static final float FAIL_THRESHOLD = 0.75f;

    private DieStateCoding() {
    }

    /** The map's die states resized to {@value #SIZE} x {@value #SIZE} (nearest), row-major. */
    public static byte[] resized(WaferMap map) {
        return WaferPreprocessing.resizeNearest(map.dies(), map.rows(), map.cols(), SIZE, SIZE);
    }

    /** Die states 0/1/2 coded to 0, 0.5 and 1. */
    public static float[] encode(byte[] states) {
        float[] out = new float[states.length];
        for (int i = 0; i < states.length; i++) {
            out[i] = states[i] * 0.5f;
        }
        return out;
    }

    /** Decoded values back to die states within {@code footprint} (die states of the source, same length). */
    public static byte[] quantise(float[] values, byte[] footprint) {
        if (values.length != footprint.length) {
            throw new IllegalArgumentException(values.length + " values for a footprint of " + footprint.length);
        }
        byte[] out = new byte[values.length];
        for (int i = 0; i < values.length; i++) {
            if (footprint[i] != WaferMap.NO_DIE) {
                out[i] = values[i] >= FAIL_THRESHOLD ? WaferMap.FAIL : WaferMap.PASS;
            }
        }
        return out;
    }

    /**
     * A generated {@value #SIZE} x {@value #SIZE} map back at the source's size: nearest-resized, and on the
     * source's own footprint (no die where the source has none, a passing die where it has one and the resized map
     * none).
     */
    public static byte[] atSourceSize(byte[] generated, WaferMap source) {
        byte[] up = WaferPreprocessing.resizeNearest(generated, SIZE, SIZE, source.rows(), source.cols());
        byte[] src = source.dies();
        byte[] out = new byte[src.length];
        for (int i = 0; i < src.length; i++) {
            if (src[i] != WaferMap.NO_DIE) {
                out[i] = up[i] == WaferMap.FAIL ? WaferMap.FAIL : WaferMap.PASS;
            }
        }
        return out;
    }

    /** Die states as doubles, for SSIM. */
    static double[] asDoubles(byte[] states) {
        double[] out = new double[states.length];
        for (int i = 0; i < states.length; i++) {
            out[i] = states[i];
        }
        return out;
    }
}
