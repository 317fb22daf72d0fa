package defectlens.mask.candidate;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Finds bridges, bars of material across a space, in a canonical frame (lines vertical) by following each space's
 * brightness along the lines. The spaces are the dark runs of the pattern model's column profile; in every row the
 * residual is averaged over the middle of each space (a matched filter across the line direction: a bridge spans
 * the whole space, noise does not), a slowly varying baseline along the space is taken off, and the result is
 * scored against the frame's own noise of that average (robust spread over all spaces and rows). A run of rows
 * rising above {@code low} spreads with a peak above {@code high} is a bridge; its mask is the whole space (from
 * edge to edge) over the rows whose rise is at least half the peak. The number of tests (spaces x rows) is a few
 * thousand, so a high threshold of 5 spreads leaves a defect-free frame empty unless its noise is far from normal.
 */
final class SpaceBridgeDetector {
    /** One bridge found: its space (columns in the profile's frame), its rows and its peak score. */
    record Bridge(int from, int to, int top, int bottom, double peak) {
        int rows() {
            return bottom - top + 1;
        }
    }

    private final double high;
    private final double low;
    private final double relativePeak;

    /**
     * A detector of runs peaking above {@code high} spreads, reaching down to {@code low} spreads; bridges peaking
     * below {@code relativePeak} times the frame's strongest bridge are dropped (0 keeps all).
     */
    SpaceBridgeDetector(double high, double low, double relativePeak) {
        this.high = high;
        this.low = low;
        this.relativePeak = relativePeak;
    }

    /** The bridges of a pattern whose {@link PeriodicPatternModel#departures} were computed. */
    List<Bridge> find(PeriodicPatternModel model, int width, int height) {
        List<Bridge> out = new ArrayList<>();
        double pitch = model.pitch();
        if (Double.isNaN(pitch)) {
            return out;
        }
        List<int[]> spaces = spaces(model.profile(), Math.max(3, pitch / 5));
        if (spaces.isEmpty()) {
            return out;
        }
        float[] residual = model.residual();
        int window = (int) Math.max(8, Math.round(pitch));
        double[][] rise = new double[spaces.size()][];
        double[][] raw = new double[spaces.size()][];
        List<Double> all = new ArrayList<>();
        for (int k = 0; k < spaces.size(); k++) {
            int[] s = spaces.get(k);
            int margin = Math.max(1, (s[1] - s[0] + 1) / 5);
            double[] mean = spaceMean(model, residual, width, height, s[0] + margin, s[1] - margin);
            int seen = 0;
            for (double v : mean) {
                seen += Double.isNaN(v) ? 0 : 1;
            }
            if (seen < 0.9 * height) {
                rise[k] = new double[height];
                raw[k] = rise[k];
                Arrays.fill(rise[k], Double.NaN);
                continue;
            }
            raw[k] = minusBaseline(mean, window);
            rise[k] = boxed(raw[k]);
            for (double v : rise[k]) {
                if (!Double.isNaN(v)) {
                    all.add(Math.abs(v));
                }
            }
        }
        if (all.size() < 16) {
            return out;
        }
        double[] sorted = all.stream().mapToDouble(Double::doubleValue).sorted().toArray();
        double spread = Math.max(1e-6, 1.4826 * sorted[sorted.length / 2]);
        for (int k = 0; k < spaces.size(); k++) {
            collect(rise[k], raw[k], spread, spaces.get(k), out);
        }
        List<Bridge> kept = withoutFrameWide(out, spaces.size(), Math.max(2, pitch / 4));
        double best = kept.stream().mapToDouble(Bridge::peak).max().orElse(0);
        return kept.stream().filter(b -> b.peak() >= relativePeak * best).toList();
    }

    /** Runs above {@code low} spreads holding a value above {@code high}, cut to their half-maximum rows. */
    private void collect(double[] rise, double[] raw, double spread, int[] space, List<Bridge> out) {
        int y = 0;
        while (y < rise.length) {
            if (Double.isNaN(rise[y]) || rise[y] < low * spread) {
                y++;
                continue;
            }
            int start = y;
            double peak = 0;
            int at = y;
            while (y < rise.length && !Double.isNaN(rise[y]) && rise[y] >= low * spread) {
                if (rise[y] > peak) {
                    peak = rise[y];
                    at = y;
                }
                y++;
            }
            if (peak >= high * spread) {
                for (int j = start; j < y; j++) {
                    if (raw[j] > raw[at]) {
                        at = j;
                    }
                }
                double half = raw[at] / 2;
                int top = at;
                int bottom = at;
                while (top > start && raw[top - 1] >= half) {
                    top--;
                }
                while (bottom < y - 1 && raw[bottom + 1] >= half) {
                    bottom++;
                }
                out.add(new Bridge(space[0], space[1], top, bottom, peak / spread));
            }
        }
    }

    /**
     * The bridges without those that appear at the same rows in more than half of the spaces (and at least 4): a
     * band across the whole frame is a scan or stage event, not a defect.
     */
    private static List<Bridge> withoutFrameWide(List<Bridge> found, int spaces, double reach) {
        List<Bridge> kept = new ArrayList<>();
        for (Bridge b : found) {
            int together = 0;
            for (Bridge o : found) {
                if (o.top() <= b.bottom() + reach && o.bottom() >= b.top() - reach) {
                    together++;
                }
            }
            if (together < Math.max(4, spaces / 2.0)) {
                kept.add(b);
            }
        }
        return kept;
    }

    /** The dark runs of the profile (spaces), at least {@code minWidth} columns wide, with a line on either side. */
    static List<int[]> spaces(float[] profile, double minWidth) {
        float[] sorted = profile.clone();
        Arrays.sort(sorted);
        float dark = sorted[(int) (0.2 * (sorted.length - 1))];
        float light = sorted[(int) (0.8 * (sorted.length - 1))];
        float cut = dark + 0.5f * (light - dark);
        List<int[]> runs = new ArrayList<>();
        int x = 0;
        while (x < profile.length) {
            if (profile[x] >= cut) {
                x++;
                continue;
            }
            int start = x;
            while (x < profile.length && profile[x] < cut) {
                x++;
            }
            if (start > 0 && x < profile.length && x - start >= minWidth) {
                runs.add(new int[] {start, x - 1});
            }
        }
        return runs;
    }

    /** Per row, the mean residual over profile columns {@code from..to} (shifted with the row); NaN if unseen. */
    private static double[] spaceMean(PeriodicPatternModel model, float[] residual, int width, int height,
            int from, int to) {
        double[] mean = new double[height];
        for (int y = 0; y < height; y++) {
            double sum = 0;
            int n = 0;
            int shift = (int) Math.round(model.shift(y));
            for (int u = from; u <= to; u++) {
                int x = u + shift;
                if (x >= 0 && x < width && model.valid(x, y)) {
                    sum += residual[y * width + x];
                    n++;
                }
            }
            mean[y] = n * 2 > to - from + 1 ? sum / n : Double.NaN;
        }
        return mean;
    }

    /** The values minus their running median over {@code window} rows either side. */
    private static double[] minusBaseline(double[] v, int window) {
        double[] out = new double[v.length];
        double[] buf = new double[2 * window + 1];
        for (int y = 0; y < v.length; y++) {
            if (Double.isNaN(v[y])) {
                out[y] = Double.NaN;
                continue;
            }
            int n = 0;
            for (int j = Math.max(0, y - window); j <= Math.min(v.length - 1, y + window); j++) {
                if (!Double.isNaN(v[j])) {
                    buf[n++] = v[j];
                }
            }
            Arrays.sort(buf, 0, n);
            out[y] = v[y] - buf[n / 2];
        }
        return out;
    }

    /** A three-row running mean (NaN where any of the three is unseen). */
    private static double[] boxed(double[] v) {
        double[] out = new double[v.length];
        for (int y = 0; y < v.length; y++) {
            if (y == 0 || y == v.length - 1) {
                out[y] = Double.NaN;
            } else {
                out[y] = (v[y - 1] + v[y] + v[y + 1]) / 3;
            }
        }
        return out;
    }
}
