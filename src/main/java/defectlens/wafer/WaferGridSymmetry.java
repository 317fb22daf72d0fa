package defectlens.wafer;

/**
 * Turns and mirrors a wafer map at its original size (rows x columns, any shape), as {@code numpy.rot90},
 * {@code numpy.fliplr} and {@code numpy.flipud} do: the raw-map twins of {@link WaferPreprocessing#rotate90} and its
 * flips, which work on the square network map. The label and the file facts go along unchanged.
 */
public final class WaferGridSymmetry {
    private WaferGridSymmetry() {
    }

    /** A quarter turn counter-clockwise: {@code out[r][c] = in[c][cols - 1 - r]}, shape {@code cols x rows}. */
    public static WaferMap rotate90(WaferMap map) {
        int h = map.rows();
        int w = map.cols();
        byte[] in = map.dies();
        byte[] out = new byte[in.length];
        for (int r = 0; r < w; r++) {
            for (int c = 0; c < h; c++) {
                out[r * h + c] = in[c * w + (w - 1 - r)];
            }
        }
        return copy(map, out, w, h);
    }

    /** Mirrors left-right: {@code out[r][c] = in[r][cols - 1 - c]}. */
    public static WaferMap flipHorizontal(WaferMap map) {
        int h = map.rows();
        int w = map.cols();
        byte[] in = map.dies();
        byte[] out = new byte[in.length];
        for (int r = 0; r < h; r++) {
            for (int c = 0; c < w; c++) {
                out[r * w + c] = in[r * w + (w - 1 - c)];
            }
        }
        return copy(map, out, h, w);
    }

    /** Mirrors top-bottom: {@code out[r][c] = in[rows - 1 - r][c]}. */
    public static WaferMap flipVertical(WaferMap map) {
        int h = map.rows();
        int w = map.cols();
        byte[] in = map.dies();
        byte[] out = new byte[in.length];
        for (int r = 0; r < h; r++) {
            System.arraycopy(in, (h - 1 - r) * w, out, r * w, w);
        }
        return copy(map, out, h, w);
    }

    private static WaferMap copy(WaferMap map, byte[] dies, int rows, int cols) {
        return new WaferMap(dies, rows, cols, map.label(), map.split(), map.dieSize(), map.lotName(),
                map.waferIndex());
    }
}
