package defectlens.wafer;

import defectlens.image.ArgbImage;

/**
 * Draws a wafer map as a picture: one square of {@code scale x scale} pixels per die, in the colours
 * of the legend (no die: transparent, pass: gray-green, fail: red). Used by the window, by
 * {@code wafer export} and in reports.
 */
public final class WaferMapPicture {
    public static final int NO_DIE_ARGB = 0x00000000;
    public static final int PASS_ARGB = 0xFF8FA89A;
    public static final int FAIL_ARGB = 0xFFE0453A;
    /** Background for formats without transparency (PNG export keeps alpha). */
    public static final int BACKGROUND_ARGB = 0xFF202326;

    private WaferMapPicture() {
    }

    public static int colorOf(int die) {
        return die == WaferMap.FAIL ? FAIL_ARGB : die == WaferMap.PASS ? PASS_ARGB : NO_DIE_ARGB;
    }

    /** The map with {@code scale} pixels per die side. */
    public static ArgbImage render(WaferMap map, int scale) {
        if (scale < 1) {
            throw new IllegalArgumentException("scale must be at least 1: " + scale);
        }
        int w = Math.max(1, map.cols() * scale);
        int h = Math.max(1, map.rows() * scale);
        int[] px = new int[w * h];
        for (int r = 0; r < map.rows(); r++) {
            for (int c = 0; c < map.cols(); c++) {
                int argb = colorOf(map.die(r, c));
                for (int dy = 0; dy < scale; dy++) {
                    int row = (r * scale + dy) * w + c * scale;
                    java.util.Arrays.fill(px, row, row + scale, argb);
                }
            }
        }
        return new ArgbImage(w, h, px);
    }

    /** A scale that makes the longer side of the map about {@code target} pixels (at least 1). */
    public static int scaleFor(WaferMap map, int target) {
        return Math.max(1, target / Math.max(1, Math.max(map.rows(), map.cols())));
    }
}
