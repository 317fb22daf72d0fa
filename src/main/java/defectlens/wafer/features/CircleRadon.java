package defectlens.wafer.features;

/**
 * The Radon transform of a wafer map's failing dies as scikit-image's {@code radon(f, theta, circle=True)} computes
 * it, for {@code f = 2} on failing dies and 0 elsewhere and {@code theta} = {@code max(h, w)} angles evenly in
 * [0, 180) degrees.
 *
 * <p>scikit-image crops a non-square image to its centred {@code n = min(h, w)} square (the first
 * {@code ceil((h - w) / 2)} rows or columns are dropped), rotates it about pixel {@code (n // 2, n // 2)} with
 * bilinear interpolation (zero outside) and sums the {@code n} rows of the rotated image: detector bin {@code c} at
 * angle {@code a} is {@code sum_r f(y, x)} with {@code x = cos(a) c + sin(a) r - k (cos(a) + sin(a) - 1)} and
 * {@code y = -sin(a) c + cos(a) r - k (cos(a) - sin(a) - 1)}, {@code k = n // 2}. Because a wafer map fails on few
 * dies, this class runs the transform backwards: each failing die adds its bilinear weight to the (at most a
 * handful of) ray samples around it, so the cost grows with the failing dies, not with {@code n^3}.
 */
public final class CircleRadon {
    private static final double FAIL_VALUE = 2.0;

    private CircleRadon() {
    }

    /** Side of the square the transform sees: {@code min(h, w)}. */
    public static int detectorSize(int h, int w) {
        return Math.min(h, w);
    }

    /** Number of projection angles: {@code max(h, w)}. */
    public static int angles(int h, int w) {
        return Math.max(h, w);
    }

    /**
     * The sinogram of a row-major {@code h x w} die grid, detector-major: {@code out[c * angles + a]}, as
     * scikit-image's {@code radon_image[c, a]}.
     */
    public static double[] sinogram(byte[] dies, int h, int w) {
        int n = detectorSize(h, w);
        int angles = angles(h, w);
        int rowOffset = (h - n + 1) / 2;
        int colOffset = (w - n + 1) / 2;
        int[] failRows = new int[n * n];
        int[] failCols = new int[n * n];
        int fails = 0;
        for (int i = 0; i < n; i++) {
            int base = (i + rowOffset) * w + colOffset;
            for (int j = 0; j < n; j++) {
                if (dies[base + j] == 2) {
                    failRows[fails] = i;
                    failCols[fails] = j;
                    fails++;
                }
            }
        }
        double[] out = new double[n * angles];
        double k = Math.floorDiv(n, 2); // scikit-image: the rotation centre is n // 2
        double step = 180.0 / angles;
        for (int a = 0; a < angles; a++) {
            double angle = Math.toRadians(a * step);
            double cos = Math.cos(angle);
            double sin = Math.sin(angle);
            double tx = -k * (cos + sin - 1);
            double ty = -k * (cos - sin - 1);
            double reach = Math.abs(cos) + Math.abs(sin);
            for (int f = 0; f < fails; f++) {
                splat(failRows[f], failCols[f], n, angles, a, cos, sin, tx, ty, reach, out);
            }
        }
        return out;
    }

    /** Adds the weight of die {@code (i, j)} to every ray sample {@code (r, c)} that interpolates it. */
    private static void splat(int i, int j, int n, int angles, int a, double cos, double sin, double tx, double ty,
            double reach, double[] out) {
        double dx = j - tx;
        double dy = i - ty;
        double c0 = cos * dx - sin * dy;
        int cLow = Math.max(0, (int) Math.ceil(c0 - reach - 1e-9));
        int cHigh = Math.min(n - 1, (int) Math.floor(c0 + reach + 1e-9));
        double r0 = sin * dx + cos * dy;
        int rLow = Math.max(0, (int) Math.ceil(r0 - reach - 1e-9));
        int rHigh = Math.min(n - 1, (int) Math.floor(r0 + reach + 1e-9));
        for (int c = cLow; c <= cHigh; c++) {
            double sum = 0;
            for (int r = rLow; r <= rHigh; r++) {
                double x = cos * c + sin * r + tx;
                double y = -sin * c + cos * r + ty;
                double wx = 1 - Math.abs(x - j);
                double wy = 1 - Math.abs(y - i);
                if (wx > 0 && wy > 0) {
                    sum += wx * wy;
                }
            }
            out[c * angles + a] += FAIL_VALUE * sum;
        }
    }
}
