package defectlens.wafer.features;

import java.util.ArrayList;
import java.util.List;

/**
 * The 13 failure-density regions of a map: the four outer bands (top, right, bottom, left) and the 3 x 3 inner
 * grid, row by row. Cut points are {@code 0, h/5, 2(h/5), 3(h/5), 4(h/5)} (integer division; the first five
 * values of Python's {@code range(0, h, h // 5)}), columns likewise. The density of a region is
 * {@code 100 * fails / dies of the region} where "dies" counts every grid cell, as NumPy's {@code size} does.
 */
public final class RegionDensities {
    /** Number of regions. */
    public static final int COUNT = 13;

    /** One rectangle of the grid, rows {@code [top, bottom)} and columns {@code [left, right)}. */
    public record Region(int top, int left, int bottom, int right) {
        public int cells() {
            return (bottom - top) * (right - left);
        }
    }

    private RegionDensities() {
    }

    /** The 13 regions of an {@code h x w} map ({@code h, w >= 5}) in feature order. */
    public static List<Region> regions(int h, int w) {
        int rs = h / 5;
        int cs = w / 5;
        List<Region> out = new ArrayList<>(COUNT);
        out.add(new Region(0, 0, rs, w));
        out.add(new Region(0, 4 * cs, h, w));
        out.add(new Region(4 * rs, 0, h, w));
        out.add(new Region(0, 0, h, cs));
        for (int i = 1; i < 4; i++) {
            for (int j = 1; j < 4; j++) {
                out.add(new Region(i * rs, j * cs, (i + 1) * rs, (j + 1) * cs));
            }
        }
        return out;
    }

    /** Writes the 13 densities of a row-major {@code h x w} die grid into {@code out[offset ...]}. */
    static void compute(byte[] dies, int h, int w, double[] out, int offset) {
        int[] prefix = failPrefixSums(dies, h, w);
        List<Region> regions = regions(h, w);
        for (int k = 0; k < COUNT; k++) {
            Region r = regions.get(k);
            int fails = prefix[r.bottom() * (w + 1) + r.right()] - prefix[r.top() * (w + 1) + r.right()]
                    - prefix[r.bottom() * (w + 1) + r.left()] + prefix[r.top() * (w + 1) + r.left()];
            out[offset + k] = 100 * ((double) fails / r.cells());
        }
    }

    /** Summed-area table of failing dies, {@code (h + 1) x (w + 1)}. */
    private static int[] failPrefixSums(byte[] dies, int h, int w) {
        int[] s = new int[(h + 1) * (w + 1)];
        for (int r = 0; r < h; r++) {
            int rowSum = 0;
            for (int c = 0; c < w; c++) {
                rowSum += dies[r * w + c] == 2 ? 1 : 0;
                s[(r + 1) * (w + 1) + c + 1] = s[r * (w + 1) + c + 1] + rowSum;
            }
        }
        return s;
    }
}
