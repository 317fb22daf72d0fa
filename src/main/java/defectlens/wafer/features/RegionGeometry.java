package defectlens.wafer.features;

/**
 * The 6 geometry features of a map's {@link FailRegion largest failing region}, as scikit-image's
 * {@code regionprops} defines them: area / (h w), perimeter / sqrt(h^2 + w^2), major and minor axis length /
 * sqrt(h^2 + w^2), eccentricity and solidity.
 *
 * <ul>
 * <li>perimeter: the region's border pixels (those with a 4-neighbour outside the region) weighted by the pattern of
 * their border neighbours, as {@code skimage.measure.perimeter(image, 4)}: code
 * {@code 1 + 2 * (4-neighbours on the border) + 10 * (diagonal neighbours on the border)}, weight 1 for codes 5, 7,
 * 15, 17, 25, 27, sqrt(2) for 21 and 33, (1 + sqrt(2)) / 2 for 13 and 23, 0 otherwise;</li>
 * <li>axes and eccentricity: from the eigenvalues {@code l1 >= l2} of the inertia tensor of the central second
 * moments divided by the area: {@code 4 sqrt(l1)}, {@code 4 sqrt(l2)}, {@code sqrt(1 - l2 / l1)} (0 when
 * {@code l1 = 0});</li>
 * <li>solidity: area / pixels of the {@link PixelHull convex hull image}.</li>
 * </ul>
 */
public final class RegionGeometry {
    /** Number of geometry features. */
    public static final int COUNT = 6;
    private static final double[] WEIGHTS = perimeterWeights();

    private RegionGeometry() {
    }

    private static double[] perimeterWeights() {
        double[] w = new double[50];
        for (int code : new int[] {5, 7, 15, 17, 25, 27}) {
            w[code] = 1;
        }
        w[21] = Math.sqrt(2);
        w[33] = Math.sqrt(2);
        w[13] = (1 + Math.sqrt(2)) / 2;
        w[23] = (1 + Math.sqrt(2)) / 2;
        return w;
    }

    /** Writes the 6 features of a row-major {@code h x w} die grid into {@code out[offset ...]}. */
    static void compute(byte[] dies, int h, int w, double[] out, int offset) {
        FailRegion region = FailRegion.largest(dies, h, w);
        double diagonal = Math.sqrt((double) h * h + (double) w * w);
        double[] axes = axes(region);
        out[offset] = (double) region.size() / (h * w);
        out[offset + 1] = perimeter(region) / diagonal;
        out[offset + 2] = axes[0] / diagonal;
        out[offset + 3] = axes[1] / diagonal;
        out[offset + 4] = axes[2];
        out[offset + 5] = region.size() / (double) PixelHull.of(region).pixelCount();
    }

    /** scikit-image's 4-neighbourhood perimeter of the region. */
    public static double perimeter(FailRegion region) {
        int h = region.rows();
        int w = region.cols();
        boolean[] border = new boolean[h * w];
        for (int r = 0; r < h; r++) {
            for (int c = 0; c < w; c++) {
                border[r * w + c] = region.contains(r, c) && !(region.contains(r - 1, c)
                        && region.contains(r + 1, c) && region.contains(r, c - 1) && region.contains(r, c + 1));
            }
        }
        double total = 0;
        for (int r = 0; r < h; r++) {
            for (int c = 0; c < w; c++) {
                if (!border[r * w + c]) {
                    continue;
                }
                int code = 1 + 2 * (on(border, h, w, r - 1, c) + on(border, h, w, r + 1, c) + on(border, h, w, r, c - 1)
                        + on(border, h, w, r, c + 1)) + 10 * (on(border, h, w, r - 1, c - 1)
                        + on(border, h, w, r - 1, c + 1) + on(border, h, w, r + 1, c - 1) + on(border, h, w, r + 1, c + 1));
                total += WEIGHTS[code];
            }
        }
        return total;
    }

    private static int on(boolean[] border, int h, int w, int r, int c) {
        return r >= 0 && r < h && c >= 0 && c < w && border[r * w + c] ? 1 : 0;
    }

    /** {@code {major axis length, minor axis length, eccentricity}} from the region's central moments. */
    public static double[] axes(FailRegion region) {
        int h = region.rows();
        int w = region.cols();
        double n = 0;
        double sr = 0;
        double sc = 0;
        for (int r = 0; r < h; r++) {
            for (int c = 0; c < w; c++) {
                if (region.contains(r, c)) {
                    n++;
                    sr += r;
                    sc += c;
                }
            }
        }
        double mr = sr / n;
        double mc = sc / n;
        double rr = 0;
        double cc = 0;
        double rc = 0;
        for (int r = 0; r < h; r++) {
            for (int c = 0; c < w; c++) {
                if (region.contains(r, c)) {
                    rr += (r - mr) * (r - mr);
                    cc += (c - mc) * (c - mc);
                    rc += (r - mr) * (c - mc);
                }
            }
        }
        double a = rr / n;
        double b = cc / n;
        double d = rc / n;
        double mid = (a + b) / 2;
        double spread = Math.sqrt((a - b) * (a - b) / 4 + d * d);
        double l1 = Math.max(0, mid + spread);
        double l2 = Math.max(0, mid - spread);
        double eccentricity = l1 == 0 ? 0 : Math.sqrt(1 - l2 / l1);
        return new double[] {4 * Math.sqrt(l1), 4 * Math.sqrt(l2), eccentricity};
    }
}
