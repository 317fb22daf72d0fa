package defectlens.dataset;

import java.util.SplittableRandom;

/**
 * The geometry of one field of line/space structures in the canonical (vertical-line) frame: pitch,
 * line width, tilt angle, a phase, per-line width variation and line-edge roughness of both edges.
 * Renders an anti-aliased material coverage map (1 = resist line, 0 = space).
 */
final class LineSpacePattern {
    private final int width;
    private final int height;
    private final double pitch;
    private final double lineWidth;
    private final double slope;
    private final double[] centres;
    private final double[] widths;
    private final double[][] leftRoughness;
    private final double[][] rightRoughness;
    private final double[] rowShift;

    private LineSpacePattern(int width, int height, double pitch, double lineWidth, double angleDeg,
            double[] centres, double[] widths, double[][] left, double[][] right) {
        this.width = width;
        this.height = height;
        this.pitch = pitch;
        this.lineWidth = lineWidth;
        this.slope = Math.tan(Math.toRadians(angleDeg));
        this.centres = centres;
        this.widths = widths;
        this.leftRoughness = left;
        this.rightRoughness = right;
        this.rowShift = new double[height];
    }

    /**
     * A random field: pitch, line width as a share of the pitch and edge roughness drawn from {@code ranges}
     * (pitch 30-50 px, line width 40-55 % of the pitch, roughness 0.7-1.3 px in the standard ranges; lengths times
     * {@code scale}), the given tilt.
     */
    static LineSpacePattern random(SplittableRandom rnd, int width, int height, double scale, double angleDeg,
            SynthesisRanges ranges) {
        double pitch = scale * (ranges.pitchMin() + ranges.pitchSpan() * rnd.nextDouble());
        double lineWidth = pitch * (ranges.dutyMin() + ranges.dutySpan() * rnd.nextDouble());
        double slope = Math.abs(Math.tan(Math.toRadians(angleDeg)));
        double reach = slope * height / 2 + 3 * pitch;
        int first = (int) Math.floor(-reach / pitch);
        int last = (int) Math.ceil((width + reach) / pitch);
        int n = last - first + 1;
        double phase = rnd.nextDouble() * pitch;
        double lerFloor = ranges.isWide() ? 0.2 : 0.5;
        double lerSigma = Math.max(lerFloor, scale * (ranges.lerMin() + ranges.lerSpan() * rnd.nextDouble()));
        int lerCorrelation = Math.max(1, (int) Math.round(scale * (ranges.lerCorrelationMin()
                + ranges.lerCorrelationSpan() * rnd.nextDouble())));
        double[] centres = new double[n];
        double[] widths = new double[n];
        double[][] left = new double[n][];
        double[][] right = new double[n][];
        for (int k = 0; k < n; k++) {
            centres[k] = phase + (first + k) * pitch + scale * 0.8 * EdgeRoughness.gaussian(rnd);
            widths[k] = lineWidth * (1 + 0.04 * EdgeRoughness.gaussian(rnd));
            left[k] = EdgeRoughness.profile(rnd, height, lerSigma, lerCorrelation);
            right[k] = EdgeRoughness.profile(rnd, height, lerSigma, lerCorrelation);
        }
        return new LineSpacePattern(width, height, pitch, lineWidth, angleDeg, centres, widths, left, right);
    }

    int width() {
        return width;
    }

    int height() {
        return height;
    }

    double pitch() {
        return pitch;
    }

    double lineWidth() {
        return lineWidth;
    }

    int lineCount() {
        return centres.length;
    }

    /** Moves every line sideways by {@code dx} pixels in rows {@code fromRow} and below (a frame jump). */
    void shiftRows(int fromRow, double dx) {
        for (int y = Math.max(0, fromRow); y < height; y++) {
            rowShift[y] += dx;
        }
    }

    double centre(int line, int y) {
        int row = clampRow(y);
        return centres[line] + (row - height / 2.0) * slope + rowShift[row];
    }

    double leftEdge(int line, int y) {
        int row = clampRow(y);
        return centre(line, row) - widths[line] / 2 + leftRoughness[line][row];
    }

    double rightEdge(int line, int y) {
        int row = clampRow(y);
        return centre(line, row) + widths[line] / 2 + rightRoughness[line][row];
    }

    /**
     * The index of a line whose centre in row {@code y} lies in [{@code minX}, {@code maxX}] and that
     * has at least {@code after} further lines to its right; -1 when there is none.
     */
    int lineWithin(SplittableRandom rnd, int y, double minX, double maxX, int after) {
        int[] candidates = new int[centres.length];
        int n = 0;
        for (int k = 0; k + after < centres.length; k++) {
            double c = centre(k, y);
            double cAfter = centre(k + after, y);
            if (c >= minX && c <= maxX && cAfter <= maxX) {
                candidates[n++] = k;
            }
        }
        return n == 0 ? -1 : candidates[rnd.nextInt(n)];
    }

    /** Writes the anti-aliased coverage of all lines into {@code material} (row-major, width x height). */
    void render(float[] material) {
        for (int y = 0; y < height; y++) {
            int rowBase = y * width;
            for (int k = 0; k < centres.length; k++) {
                double xl = leftEdge(k, y);
                double xr = rightEdge(k, y);
                if (xr < 0 || xl >= width) {
                    continue;
                }
                int x0 = Math.max(0, (int) Math.floor(xl));
                int x1 = Math.min(width - 1, (int) Math.floor(xr));
                for (int x = x0; x <= x1; x++) {
                    double cover = Math.min(xr, x + 1.0) - Math.max(xl, x);
                    if (cover > 0) {
                        int i = rowBase + x;
                        material[i] = (float) Math.min(1.0, material[i] + cover);
                    }
                }
            }
        }
    }

    private int clampRow(int y) {
        return Math.max(0, Math.min(height - 1, y));
    }
}
