package defectlens.wafer;

/**
 * The map transforms of the Radon + kernel-flip paper (Jeong et al., Sci. Rep. 13:8127, 2023): a wafer
 * grid of any shape (values 0 = no die, 1 = passing die, 2 = failed die) is resized to a square of side
 * {@link #SIZE} by nearest neighbour and its background removed (1 where a die failed, else 0); and the
 * eight symmetries of a square map (rotations by 90/180/270 degrees, horizontal and vertical flips) used
 * by the augmented test sets.
 *
 * <p>Nearest-neighbour convention: pixel-centre aligned, {@code src = floor((dst + 0.5) * in / out)},
 * clamped to {@code in - 1}. This is what {@code skimage.transform.resize(order=0, preserve_range=True,
 * anti_aliasing=False)} computes (scikit-image 0.19 goes through {@code scipy.ndimage.zoom(grid_mode=True)};
 * the golden test compares against it on real maps) and what OpenCV calls {@code INTER_NEAREST_EXACT}.
 * OpenCV's plain {@code INTER_NEAREST} ({@code floor(dst * in / out)}) is not used: it shifts the map by
 * up to half an input pixel towards the top left.
 *
 * <p>Maps are row-major {@code float[size * size]} (or {@code byte[rows * cols]} grids). Stateless.
 */
public final class WaferPreprocessing {
    /** The side of the network input maps. */
    public static final int SIZE = 64;

    /** The value of a failed die in a WM-811K grid. */
    public static final byte FAILED_DIE = 2;

    private WaferPreprocessing() {
    }

    /** Resizes and removes the background: the 64x64 failed-die mask of a grid. */
    public static float[] toNetworkMap(byte[] grid, int rows, int cols) {
        return failedDieMask(resizeNearest(grid, rows, cols, SIZE, SIZE), SIZE, SIZE);
    }

    /** Nearest-neighbour resize of a row-major grid (pixel-centre aligned, see the class comment). */
    public static byte[] resizeNearest(byte[] grid, int rows, int cols, int outRows, int outCols) {
        if (rows <= 0 || cols <= 0 || outRows <= 0 || outCols <= 0) {
            throw new IllegalArgumentException("sizes must be positive: " + rows + "x" + cols + " -> " + outRows + "x" + outCols);
        }
        if (grid.length != rows * cols) {
            throw new IllegalArgumentException("grid has " + grid.length + " values, not " + rows + "x" + cols);
        }
        int[] srcRow = nearestIndices(rows, outRows);
        int[] srcCol = nearestIndices(cols, outCols);
        byte[] out = new byte[outRows * outCols];
        for (int r = 0; r < outRows; r++) {
            int base = srcRow[r] * cols;
            for (int c = 0; c < outCols; c++) {
                out[r * outCols + c] = grid[base + srcCol[c]];
            }
        }
        return out;
    }

    /** For each output index the input index it copies: {@code floor((dst + 0.5) * in / out)}. */
    static int[] nearestIndices(int in, int out) {
        int[] idx = new int[out];
        double scale = (double) in / out;
        for (int d = 0; d < out; d++) {
            idx[d] = Math.min(in - 1, (int) Math.floor((d + 0.5) * scale));
        }
        return idx;
    }

    /** Background removal: 1 where a die failed (value 2), 0 for passing dies and off-wafer pixels. */
    public static float[] failedDieMask(byte[] grid, int rows, int cols) {
        if (grid.length != rows * cols) {
            throw new IllegalArgumentException("grid has " + grid.length + " values, not " + rows + "x" + cols);
        }
        float[] out = new float[grid.length];
        for (int i = 0; i < grid.length; i++) {
            out[i] = grid[i] == FAILED_DIE ? 1f : 0f;
        }
        return out;
    }

    /**
     * Rotates a square map counter-clockwise by {@code quarterTurns * 90} degrees, as {@code numpy.rot90(m, k)}:
     * one quarter turn gives {@code out[r][c] = in[c][n - 1 - r]}. Negative turns rotate clockwise.
     */
    public static float[] rotate90(float[] map, int side, int quarterTurns) {
        checkSquare(map, side);
        int k = Math.floorMod(quarterTurns, 4);
        float[] out = new float[map.length];
        int last = side - 1;
        for (int r = 0; r < side; r++) {
            for (int c = 0; c < side; c++) {
                int src = switch (k) {
                    case 0 -> r * side + c;
                    case 1 -> c * side + (last - r);
                    case 2 -> (last - r) * side + (last - c);
                    default -> (last - c) * side + r;
                };
                out[r * side + c] = map[src];
            }
        }
        return out;
    }

    /**
     * Turns a square map counter-clockwise by {@code degrees} about its geometric centre {@code ((n-1)/2, (n-1)/2)},
     * nearest neighbour, zero where the source falls outside the map. Multiples of 90 degrees give exactly
     * {@link #rotate90}.
     */
    public static float[] rotate(float[] map, int side, double degrees) {
        checkSquare(map, side);
        double t = Math.toRadians(degrees);
        double cos = Math.cos(t);
        double sin = Math.sin(t);
        double centre = (side - 1) / 2.0;
        float[] out = new float[map.length];
        for (int r = 0; r < side; r++) {
            double y = r - centre;
            for (int c = 0; c < side; c++) {
                double x = c - centre;
                long sc = Math.round(cos * x - sin * y + centre);
                long sr = Math.round(sin * x + cos * y + centre);
                if (sr >= 0 && sr < side && sc >= 0 && sc < side) {
                    out[r * side + c] = map[(int) sr * side + (int) sc];
                }
            }
        }
        return out;
    }

    /** Mirrors left-right ({@code numpy.fliplr}): {@code out[r][c] = in[r][n - 1 - c]}. */
    public static float[] flipHorizontal(float[] map, int side) {
        checkSquare(map, side);
        float[] out = new float[map.length];
        for (int r = 0; r < side; r++) {
            for (int c = 0; c < side; c++) {
                out[r * side + c] = map[r * side + side - 1 - c];
            }
        }
        return out;
    }

    /** Mirrors top-bottom ({@code numpy.flipud}): {@code out[r][c] = in[n - 1 - r][c]}. */
    public static float[] flipVertical(float[] map, int side) {
        checkSquare(map, side);
        float[] out = new float[map.length];
        for (int r = 0; r < side; r++) {
            System.arraycopy(map, (side - 1 - r) * side, out, r * side, side);
        }
        return out;
    }

    private static void checkSquare(float[] map, int side) {
        if (map.length != side * side) {
            throw new IllegalArgumentException("map has " + map.length + " values, not " + side + "x" + side);
        }
    }
}
