package defectlens.mask.candidate;

import java.util.Arrays;
import java.util.List;
import java.util.function.UnaryOperator;

/**
 * The defect-free pattern of a canonical line/space frame (lines vertical) and how far each pixel departs from it.
 * The model of column {@code u} is the median over the rows of that column, so each line keeps its own position,
 * width and brightness; a sideways jump of part of the frame (a stage jump) is followed by a shift per band of
 * rows, found by matching the band's mean profile to the model (least absolute difference within half a pitch).
 * The departure is the residual divided by the column's robust spread (1.4826 x median absolute residual), so
 * the rough edges of lines, which vary anyway, need a larger residual than the quiet middle of a line or space.
 * Several smoothings of the residual may be scored, each against its own spread.
 */
final class PeriodicPatternModel {
    private static final double SHIFT_STEP = 0.25;

    private final int width;
    private final int height;
    private final float[] plane;
    private final boolean[] valid;
    private double pitch;
    private double[] shift;
    private float[] residual;
    private float[] profile;

    /** A model of {@code plane} ({@code width x height}, row by row) over the pixels where {@code valid} is set. */
    PeriodicPatternModel(float[] plane, boolean[] valid, int width, int height) {
        this.plane = plane;
        this.valid = valid;
        this.width = width;
        this.height = height;
    }

    /** The pattern's pitch in pixels found by {@link #departure}, or NaN when no period showed. */
    double pitch() {
        return pitch;
    }

    /**
     * How far each pixel departs from the pattern, once per smoother: the residual (image minus model) smoothed by
     * it, as an absolute value in units of its column's spread; 0 outside the valid pixels.
     */
    float[][] departures(List<UnaryOperator<float[]>> smoothers) {
        float[] profile = columnMedian(plane, new double[height]);
        pitch = pitchOf(profile);
        shift = rowShifts(profile);
        profile = columnMedian(plane, shift);
        float[] residual = new float[width * height];
        for (int y = 0; y < height; y++) {
            for (int x = 0; x < width; x++) {
                int i = y * width + x;
                if (valid[i]) {
                    residual[i] = (float) (plane[i] - sample(profile, x - shift[y]));
                }
            }
        }
        removeRowOffsets(residual);
        clearSeams(residual);
        this.residual = residual;
        this.profile = profile;
        float[][] out = new float[smoothers.size()][];
        for (int k = 0; k < out.length; k++) {
            float[] z = new float[width * height];
            out[k] = z;
            float[] smooth = smoothers.get(k).apply(residual);
            float[] spread = columnSpread(smooth);
            for (int y = 0; y < height; y++) {
                for (int x = 0; x < width; x++) {
                    int i = y * width + x;
                    if (valid[i]) {
                        z[i] = (float) Math.abs(smooth[i] / sample(spread, x - shift[y]));
                    }
                }
            }
        }
        return out;
    }

    /**
     * Clears the residual of the rows within a quarter pitch of a sideways jump of the frame (a stage jump): the
     * seam itself is no defect, and the pattern on either side of it is followed anyway.
     */
    private void clearSeams(float[] residual) {
        if (Double.isNaN(pitch)) {
            return;
        }
        int reach = (int) Math.max(2, Math.round(pitch / 4));
        for (int y = 1; y < height; y++) {
            if (Math.abs(shift[y] - shift[y - 1]) >= 1) {
                for (int r = Math.max(0, y - reach); r < Math.min(height, y + reach); r++) {
                    java.util.Arrays.fill(residual, r * width, (r + 1) * width, 0f);
                }
            }
        }
    }

    /** Subtracts from each row its median residual over valid pixels (scan-line offsets of the microscope). */
    private void removeRowOffsets(float[] residual) {
        float[] row = new float[width];
        for (int y = 0; y < height; y++) {
            int n = 0;
            for (int x = 0; x < width; x++) {
                if (valid[y * width + x]) {
                    row[n++] = residual[y * width + x];
                }
            }
            if (n > width / 4) {
                float m = median(row, n);
                for (int x = 0; x < width; x++) {
                    if (valid[y * width + x]) {
                        residual[y * width + x] -= m;
                    }
                }
            }
        }
    }

    /** The residual (image minus model, scan-line offsets removed) found by {@link #departures}; 0 outside. */
    float[] residual() {
        return residual;
    }

    /** The model's column profile (defect-free brightness across the lines) found by {@link #departures}. */
    float[] profile() {
        return profile;
    }

    /** The sideways shift of row {@code y} against the profile found by {@link #departures}. */
    double shift(int y) {
        return shift[y];
    }

    /** Whether the pixel at column {@code x}, row {@code y} lies inside the frame. */
    boolean valid(int x, int y) {
        return valid[y * width + x];
    }

    /** Median over valid rows of each column, each row read {@code shift[y]} pixels to the right. */
    private float[] columnMedian(float[] values, double[] rowShift) {
        float[] median = new float[width];
        float[] column = new float[height];
        for (int x = 0; x < width; x++) {
            int n = 0;
            for (int y = 0; y < height; y++) {
                double sx = x + rowShift[y];
                int ix = (int) Math.round(sx);
                if (ix >= 0 && ix < width && valid[y * width + ix]) {
                    column[n++] = interpolate(values, y, sx);
                }
            }
            median[x] = n == 0 ? Float.NaN : median(column, n);
        }
        fillGaps(median);
        return median;
    }

    /** 1.4826 x the median absolute value of each aligned column, floored at half the frame's median spread. */
    private float[] columnSpread(float[] residual) {
        float[] abs = new float[residual.length];
        for (int i = 0; i < abs.length; i++) {
            abs[i] = Math.abs(residual[i]);
        }
        float[] spread = columnMedian(abs, shift);
        float[] sorted = spread.clone();
        Arrays.sort(sorted);
        float floor = Math.max(0.5f * sorted[sorted.length / 2], 1e-3f);
        for (int x = 0; x < width; x++) {
            spread[x] = Math.max(floor, 1.4826f * (Float.isNaN(spread[x]) ? 0 : spread[x]));
        }
        return spread;
    }

    /** The lag of the profile's strongest autocorrelation peak after its first zero crossing; NaN if none. */
    private double pitchOf(float[] profile) {
        int n = profile.length;
        double mean = 0;
        for (float v : profile) {
            mean += v;
        }
        mean /= n;
        double[] ac = new double[n / 2];
        for (int lag = 0; lag < ac.length; lag++) {
            double s = 0;
            for (int x = 0; x + lag < n; x++) {
                s += (profile[x] - mean) * (profile[x + lag] - mean);
            }
            ac[lag] = s / (n - lag);
        }
        int lag = 1;
        while (lag < ac.length && ac[lag] > 0) {
            lag++;
        }
        int best = -1;
        for (int l = lag; l < ac.length; l++) {
            if (ac[l] > 0 && (best < 0 || ac[l] > ac[best])) {
                best = l;
            }
            if (best > 0 && ac[l] < 0) {
                break;
            }
        }
        return best < 0 ? Double.NaN : best;
    }

    /** Per row, the sideways shift of its band of rows against the profile (0 when no pitch was found). */
    private double[] rowShifts(float[] profile) {
        double[] rows = new double[height];
        if (Double.isNaN(pitch)) {
            return rows;
        }
        int band = Math.max(4, (int) Math.round(pitch / 4));
        int bands = (height + band - 1) / band;
        double[] bandShift = new double[bands];
        double[] mean = new double[width];
        int[] count = new int[width];
        for (int b = 0; b < bands; b++) {
            Arrays.fill(mean, 0);
            Arrays.fill(count, 0);
            for (int y = b * band; y < Math.min(height, (b + 1) * band); y++) {
                for (int x = 0; x < width; x++) {
                    if (valid[y * width + x]) {
                        mean[x] += plane[y * width + x];
                        count[x]++;
                    }
                }
            }
            bandShift[b] = bestShift(profile, mean, count);
        }
        double[] smoothed = medianFilter(bandShift, 2);
        for (int y = 0; y < height; y++) {
            rows[y] = smoothed[y / band];
        }
        return rows;
    }

    private double bestShift(float[] profile, double[] sum, int[] count) {
        double reach = pitch / 2;
        double best = 0;
        double bestCost = Double.POSITIVE_INFINITY;
        for (double s = -reach; s <= reach; s += SHIFT_STEP) {
            double cost = 0;
            int n = 0;
            for (int x = 0; x < width; x++) {
                double px = x - s;
                if (count[x] > 0 && px >= 0 && px <= width - 1) {
                    cost += Math.abs(sum[x] / count[x] - sample(profile, px));
                    n++;
                }
            }
            if (n > width / 4) {
                cost /= n;
                if (cost < bestCost - 1e-9 || (Math.abs(cost - bestCost) <= 1e-9 && Math.abs(s) < Math.abs(best))) {
                    bestCost = cost;
                    best = s;
                }
            }
        }
        return best;
    }

    private float interpolate(float[] values, int y, double sx) {
        int x0 = (int) Math.floor(sx);
        double t = sx - x0;
        int a = Math.max(0, Math.min(width - 1, x0));
        int b = Math.max(0, Math.min(width - 1, x0 + 1));
        return (float) ((1 - t) * values[y * width + a] + t * values[y * width + b]);
    }

    private static double sample(float[] profile, double x) {
        int x0 = (int) Math.floor(x);
        double t = x - x0;
        int a = Math.max(0, Math.min(profile.length - 1, x0));
        int b = Math.max(0, Math.min(profile.length - 1, x0 + 1));
        return (1 - t) * profile[a] + t * profile[b];
    }

    private static float median(float[] v, int n) {
        float[] copy = Arrays.copyOf(v, n);
        Arrays.sort(copy);
        return n % 2 != 0 ? copy[n / 2] : 0.5f * (copy[n / 2 - 1] + copy[n / 2]);
    }

    private static double[] medianFilter(double[] v, int radius) {
        double[] out = new double[v.length];
        for (int i = 0; i < v.length; i++) {
            int from = Math.max(0, i - radius);
            int to = Math.min(v.length, i + radius + 1);
            double[] w = Arrays.copyOfRange(v, from, to);
            Arrays.sort(w);
            out[i] = w[w.length / 2];
        }
        return out;
    }

    /** Replaces NaN entries (columns without valid pixels) by the nearest defined value. */
    private static void fillGaps(float[] v) {
        float last = Float.NaN;
        for (int i = 0; i < v.length; i++) {
            if (Float.isNaN(v[i])) {
                v[i] = last;
            } else {
                last = v[i];
            }
        }
        last = Float.NaN;
        for (int i = v.length - 1; i >= 0; i--) {
            if (Float.isNaN(v[i])) {
                v[i] = last;
            } else {
                last = v[i];
            }
        }
        for (int i = 0; i < v.length; i++) {
            if (Float.isNaN(v[i])) {
                v[i] = 0;
            }
        }
    }
}
