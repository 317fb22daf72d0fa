package defectlens.dataset;

import java.util.SplittableRandom;

/**
 * Paints the defect of one Carinthia class into a material map of a {@link LineSpacePattern}
 * (canonical vertical frame): bridges of resist across spaces, a line toppled into its neighbouring
 * space, or a gap cut through a line. Everything the defect changes is written only through
 * {@link #material} and {@link #charging}, so the defect mask is exactly the set of pixels it touched.
 */
final class DefectPainter {
    /** Coverage of a thin bridge: a faint, partly formed resist film. */
    private static final float THIN_BRIDGE_LEVEL = 0.45f;
    /** Extra secondary-electron yield of a collapsed line (grey levels at its core). */
    private static final double COLLAPSE_CHARGING = 55.0;

    private final LineSpacePattern pattern;
    private final float[] material;
    private final float[] charging;
    private final double scale;
    private final SynthesisRanges ranges;
    private final int width;
    private final int height;

    /**
     * @param material coverage map to paint into (row-major, as rendered by the pattern)
     * @param charging extra brightness per pixel, zero where the defect adds none
     */
    DefectPainter(LineSpacePattern pattern, float[] material, float[] charging, double scale, SynthesisRanges ranges) {
        this.pattern = pattern;
        this.material = material;
        this.charging = charging;
        this.scale = scale;
        this.ranges = ranges;
        this.width = pattern.width();
        this.height = pattern.height();
    }

    /** Paints the defect of {@code type}; {@link CarinthiaClass#NO_DEFECT} paints nothing. */
    void paint(CarinthiaClass type, SplittableRandom rnd) {
        switch (type) {
            case SINGLE_BRIDGE -> singleBridge(rnd, 1.0f,
                    scale * (ranges.bridgeMin() + ranges.bridgeSpan() * rnd.nextDouble()));
            case THIN_BRIDGE -> singleBridge(rnd, thinLevel(rnd), Math.max(Math.min(1.5, ranges.thinBridgeMin()),
                    scale * (ranges.thinBridgeMin() + ranges.thinBridgeSpan() * rnd.nextDouble())));
            case LINE_COLLAPSE -> lineCollapse(rnd);
            case LINE_BREAK -> lineBreak(rnd);
            case MULTI_BRIDGE -> multiBridge(rnd);
            case NO_DEFECT -> { }
            default -> throw new IllegalArgumentException("unknown class " + type);
        }
    }

    /**
     * The thin film's coverage: the original constant, or drawn from the ranges when they vary it (full resist for
     * their {@code thinFullShare}, a faint film otherwise).
     */
    private float thinLevel(SplittableRandom rnd) {
        if (ranges.thinLevelSpan() == 0) {
            return THIN_BRIDGE_LEVEL;
        }
        if (ranges.thinFullShare() > 0 && rnd.nextDouble() < ranges.thinFullShare()) {
            return 1.0f;
        }
        return (float) (ranges.thinLevelMin() + ranges.thinLevelSpan() * rnd.nextDouble());
    }

    private void singleBridge(SplittableRandom rnd, float level, double thickness) {
        int y = randomRow(rnd, 0.15);
        int line = pattern.lineWithin(rnd, y, 0.12 * width, 0.88 * width, 1);
        if (line >= 0) {
            bridge(rnd, line, y, thickness, level);
        }
    }

    private void multiBridge(SplittableRandom rnd) {
        int groups = 1 + (rnd.nextDouble() < 0.4 ? 1 : 0);
        for (int g = 0; g < groups; g++) {
            int spaces = 2 + rnd.nextInt(3);
            int y = randomRow(rnd, 0.15);
            int line = pattern.lineWithin(rnd, y, 0.08 * width, 0.92 * width, spaces);
            if (line < 0) {
                line = pattern.lineWithin(rnd, y, 0.02 * width, 0.98 * width, 2);
                spaces = 2;
            }
            if (line < 0) {
                continue;
            }
            for (int s = 0; s < spaces; s++) {
                int jitter = (int) Math.round(scale * 3 * (rnd.nextDouble() * 2 - 1));
                bridge(rnd, line + s, y + jitter,
                        scale * (ranges.multiBridgeMin() + ranges.multiBridgeSpan() * rnd.nextDouble()), 1.0f);
            }
        }
    }

    /** A bar of resist from line {@code line} to line {@code line + 1}, necked in the middle of the space. */
    private void bridge(SplittableRandom rnd, int line, int y, double thickness, float level) {
        double xStart = pattern.rightEdge(line, y) - 2;
        double xEnd = pattern.leftEdge(line + 1, y) + 2;
        double neck = 0.15 + 0.25 * rnd.nextDouble();
        double skew = (rnd.nextDouble() * 2 - 1) * scale * 1.5;
        double wobble = rnd.nextDouble() * Math.PI * 2;
        int x0 = Math.max(0, (int) Math.floor(xStart));
        int x1 = Math.min(width - 1, (int) Math.ceil(xEnd));
        for (int x = x0; x <= x1; x++) {
            double t = (x - xStart) / Math.max(1.0, xEnd - xStart);
            double half = thickness / 2 * (1 - neck * Math.sin(Math.PI * Math.max(0, Math.min(1, t))));
            double mid = y + skew * (t - 0.5) + 0.5 * Math.sin(wobble + 6 * t);
            int top = (int) Math.round(mid - half);
            int bottom = (int) Math.round(mid + half);
            for (int row = Math.max(0, top); row <= Math.min(height - 1, Math.max(top, bottom - 1)); row++) {
                raise(row * width + x, level);
            }
        }
    }

    /**
     * A segment of one line leaning over into the neighbouring space: a wide bright blob along the line; in the
     * wide variety half of the collapses instead bend the segment sideways as a whole (the line leaves its place).
     */
    private void lineCollapse(SplittableRandom rnd) {
        if (ranges.isWide() && rnd.nextBoolean()) {
            bentLine(rnd);
            return;
        }
        LineSegment seg = lineSegment(rnd, 50, 110);
        if (seg == null) {
            return;
        }
        int length = seg.length();
        int y0 = seg.y0();
        int line = seg.line();
        int direction = rnd.nextBoolean() ? 1 : -1;
        double space = pattern.pitch() - pattern.lineWidth();
        double lean = (space + 0.5 * pattern.lineWidth()) * (0.65 + 0.35 * rnd.nextDouble());
        double sharp = 0.4 + 0.5 * rnd.nextDouble();
        double skew = 0.6 + rnd.nextDouble();
        double[] rough = EdgeRoughness.profile(rnd, length + 1, scale * 2.5, Math.max(2, (int) (scale * 4)));
        for (int dy = 0; dy <= length; dy++) {
            int y = y0 + dy;
            if (y < 0 || y >= height) {
                continue;
            }
            double t = Math.pow(dy / (double) length, skew);
            double reach = lean * Math.pow(Math.sin(Math.PI * t), sharp) + rough[dy];
            double left = pattern.leftEdge(line, y);
            double right = pattern.rightEdge(line, y);
            double from = direction > 0 ? left : left - Math.max(0, reach);
            double to = direction > 0 ? right + Math.max(0, reach) : right;
            int x0 = Math.max(0, (int) Math.floor(from));
            int x1 = Math.min(width - 1, (int) Math.ceil(to) - 1);
            double centre = (from + to) / 2;
            double halfSpan = Math.max(1, (to - from) / 2);
            for (int x = x0; x <= x1; x++) {
                int i = y * width + x;
                raise(i, 1.0f);
                double u = Math.abs(x + 0.5 - centre) / halfSpan;
                double glow = COLLAPSE_CHARGING * (0.35 + 0.65 * Math.sin(Math.PI * t)) * (1 - 0.6 * u * u);
                charging[i] = (float) Math.max(charging[i], Math.max(1.0, glow));
            }
        }
    }

    /** A segment of 40-120 px (times scale) of one line displaced sideways by half to all of the space. */
    private void bentLine(SplittableRandom rnd) {
        LineSegment seg = lineSegment(rnd, 40, 80);
        if (seg == null) {
            return;
        }
        int length = seg.length();
        int y0 = seg.y0();
        int line = seg.line();
        double space = pattern.pitch() - pattern.lineWidth();
        double bend = (rnd.nextBoolean() ? 1 : -1) * space * (0.5 + 0.5 * rnd.nextDouble());
        for (int dy = 0; dy <= length; dy++) {
            int y = y0 + dy;
            if (y < 0 || y >= height) {
                continue;
            }
            double shift = bend * Math.sin(Math.PI * dy / length);
            double left = pattern.leftEdge(line, y);
            double right = pattern.rightEdge(line, y);
            int x0 = Math.max(0, (int) Math.floor(left));
            int x1 = Math.min(width - 1, (int) Math.ceil(right) - 1);
            for (int x = x0; x <= x1; x++) {
                material[y * width + x] = 0f;
            }
            int s0 = Math.max(0, (int) Math.floor(left + shift));
            int s1 = Math.min(width - 1, (int) Math.ceil(right + shift) - 1);
            for (int x = s0; x <= s1; x++) {
                raise(y * width + x, 1.0f);
            }
        }
    }

    /** A stretch of one line for a collapse: its length in px, first row and line index. */
    private record LineSegment(int length, int y0, int line) {
    }

    /**
     * A random stretch of {@code base + span * u} px (times scale, at most 70 % of the height) of a line near the
     * middle of the frame; null when no line lies there.
     */
    private LineSegment lineSegment(SplittableRandom rnd, double base, double span) {
        int length = Math.min((int) Math.round(scale * (base + span * rnd.nextDouble())), (int) (0.7 * height));
        int y0 = (int) (0.1 * height + rnd.nextDouble() * Math.max(1, 0.8 * height - length));
        int line = pattern.lineWithin(rnd, y0 + length / 2, 0.15 * width, 0.85 * width, 1);
        return line < 0 ? null : new LineSegment(length, y0, line);
    }

    /**
     * A gap (6-18 px times scale in the standard ranges) cut through one line, with rough broken ends; the cut takes
     * the rows from the rounded top to the rounded bottom, so a gap of g px cuts about g + 1 rows.
     */
    private void lineBreak(SplittableRandom rnd) {
        int y = randomRow(rnd, 0.15);
        int line = pattern.lineWithin(rnd, y, 0.12 * width, 0.88 * width, 0);
        if (line < 0) {
            return;
        }
        double gap = ranges.smallGapShare() > 0 && rnd.nextDouble() < ranges.smallGapShare()
                ? ranges.gapFloor() + 2 * rnd.nextDouble()
                : Math.max(ranges.gapFloor(), scale * (ranges.gapMin() + ranges.gapSpan() * rnd.nextDouble()));
        double tilt = (rnd.nextDouble() * 2 - 1) * 0.25;
        double xl = pattern.leftEdge(line, y) - 1;
        double xr = pattern.rightEdge(line, y) + 1;
        double xc = (xl + xr) / 2;
        int x0 = Math.max(0, (int) Math.floor(xl));
        int x1 = Math.min(width - 1, (int) Math.ceil(xr));
        for (int x = x0; x <= x1; x++) {
            double u = (x + 0.5 - xc);
            double top = y - gap / 2 + tilt * u + 0.8 * scale * EdgeRoughness.gaussian(rnd) * 0.5;
            double bottom = y + gap / 2 + tilt * u + 0.8 * scale * EdgeRoughness.gaussian(rnd) * 0.5;
            for (int row = Math.max(0, (int) Math.round(top)); row <= Math.min(height - 1, (int) Math.round(bottom)); row++) {
                material[row * width + x] = 0f;
            }
        }
    }

    private int randomRow(SplittableRandom rnd, double margin) {
        return (int) Math.round(height * (margin + (1 - 2 * margin) * rnd.nextDouble()));
    }

    private void raise(int i, float level) {
        if (material[i] < level) {
            material[i] = level;
        }
    }
}
