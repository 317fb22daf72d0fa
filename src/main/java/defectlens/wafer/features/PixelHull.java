package defectlens.wafer.features;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * The convex hull of a set of pixels as scikit-image's {@code convex_hull_image} draws it: the hull of the
 * midpoints of every pixel's four edges ({@code (r +- 0.5, c)}, {@code (r, c +- 0.5)}), and as the hull image the
 * pixel centres inside it or on its boundary. Coordinates are doubled so that every vertex is an integer and every
 * test exact; scikit-image's point-in-polygon test is exact for these coordinates as well (half-integer vertices,
 * integer points), so both count the same pixels.
 *
 * @param rows doubled row coordinates of the hull's vertices, counter-clockwise in the (row, column) plane
 * @param cols doubled column coordinates of the hull's vertices
 */
public record PixelHull(long[] rows, long[] cols) {

    /** The hull of the region's pixels. */
    public static PixelHull of(FailRegion region) {
        List<long[]> points = new ArrayList<>();
        int h = region.rows();
        int w = region.cols();
        for (int r = 0; r < h; r++) {
            int first = -1;
            int last = -1;
            for (int c = 0; c < w; c++) {
                if (region.contains(r, c)) {
                    if (first < 0) {
                        first = c;
                    }
                    last = c;
                }
            }
            if (first >= 0) {
                addDiamond(points, r, first);
                if (last != first) {
                    addDiamond(points, r, last);
                }
            }
        }
        for (int c = 0; c < w; c++) {
            for (int r = 0; r < h; r++) {
                if (region.contains(r, c)) {
                    addDiamond(points, r, c);
                    break;
                }
            }
            for (int r = h - 1; r >= 0; r--) {
                if (region.contains(r, c)) {
                    addDiamond(points, r, c);
                    break;
                }
            }
        }
        return monotoneChain(points);
    }

    private static void addDiamond(List<long[]> points, int r, int c) {
        points.add(new long[] {2L * r - 1, 2L * c});
        points.add(new long[] {2L * r + 1, 2L * c});
        points.add(new long[] {2L * r, 2L * c - 1});
        points.add(new long[] {2L * r, 2L * c + 1});
    }

    /** Andrew's monotone chain; collinear points are dropped, the hull comes out counter-clockwise. */
    private static PixelHull monotoneChain(List<long[]> points) {
        long[][] p = points.toArray(new long[0][]);
        Arrays.sort(p, (a, b) -> a[0] != b[0] ? Long.compare(a[0], b[0]) : Long.compare(a[1], b[1]));
        long[][] hull = new long[2 * p.length][];
        int k = 0;
        for (long[] q : p) {
            while (k >= 2 && cross(hull[k - 2], hull[k - 1], q) <= 0) {
                k--;
            }
            hull[k++] = q;
        }
        for (int i = p.length - 2, lower = k + 1; i >= 0; i--) {
            while (k >= lower && cross(hull[k - 2], hull[k - 1], p[i]) <= 0) {
                k--;
            }
            hull[k++] = p[i];
        }
        int n = k - 1;
        long[] rows = new long[n];
        long[] cols = new long[n];
        for (int i = 0; i < n; i++) {
            rows[i] = hull[i][0];
            cols[i] = hull[i][1];
        }
        return new PixelHull(rows, cols);
    }

    private static long cross(long[] o, long[] a, long[] b) {
        return (a[0] - o[0]) * (b[1] - o[1]) - (a[1] - o[1]) * (b[0] - o[0]);
    }

    /** Number of pixel centres {@code (r, c)} inside the hull or on its boundary. */
    public long pixelCount() {
        long rMin = Long.MAX_VALUE;
        long rMax = Long.MIN_VALUE;
        for (long r : rows) {
            rMin = Math.min(rMin, r);
            rMax = Math.max(rMax, r);
        }
        long count = 0;
        for (long r = Math.floorDiv(rMin + 1, 2); 2 * r <= rMax; r++) {
            long[] span = columnSpan(2 * r);
            if (span[0] <= span[1]) {
                count += span[1] - span[0] + 1;
            }
        }
        return count;
    }

    /**
     * The pixel columns {@code {first, last}} whose centres on doubled row {@code rr} lie in the hull (first > last:
     * none). Inside a counter-clockwise hull means {@code cross(edge, point - start) >= 0} for every edge.
     */
    public long[] columnSpan(long rr) {
        long low = Long.MIN_VALUE / 4;
        long high = Long.MAX_VALUE / 4;
        int n = rows.length;
        for (int i = 0; i < n; i++) {
            int j = (i + 1) % n;
            long dr = rows[j] - rows[i];
            long dc = cols[j] - cols[i];
            // cross = dr * (C - c_i) - dc * (rr - r_i) >= 0, with C = 2 * column
            long rhs = dc * (rr - rows[i]) + dr * cols[i];
            if (dr > 0) {
                low = Math.max(low, -Math.floorDiv(-rhs, 2 * dr));
            } else if (dr < 0) {
                high = Math.min(high, Math.floorDiv(rhs, 2 * dr));
            } else if (dc * (rr - rows[i]) > 0) {
                return new long[] {1, 0};
            }
        }
        return new long[] {low, high};
    }
}
