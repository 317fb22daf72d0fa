package defectlens.image;

/**
 * The grey-level window that maps raw samples (8- or 16-bit) onto the screen's 0..255: values at or
 * below {@code low} are black, at or above {@code high} white, linear between. Made from the full
 * range of the bit depth, the image's min/max, or percentiles (robust against a few hot pixels).
 */
public record DisplayWindow(int low, int high) {
    public DisplayWindow {
        if (high < low) {
            throw new IllegalArgumentException("window high " + high + " is below low " + low);
        }
    }

    /** The full range of the bit depth: 0..255 or 0..65535. */
    public static DisplayWindow fullRange(ImageRaster r) {
        return new DisplayWindow(0, r.maxValue());
    }

    /** The darkest and brightest intensity of the image. */
    public static DisplayWindow minMax(ImageRaster r) {
        return percentile(r, 0, 100);
    }

    /** Intensities at the given percentiles (0..100), e.g. 0.5 and 99.5 for a robust stretch. */
    public static DisplayWindow percentile(ImageRaster r, double lowPercent, double highPercent) {
        int[] hist = new int[r.maxValue() + 1];
        for (int y = 0; y < r.height(); y++) {
            for (int x = 0; x < r.width(); x++) {
                hist[r.intensity(x, y)]++;
            }
        }
        long total = (long) r.width() * r.height();
        return new DisplayWindow(valueAt(hist, total, lowPercent, false), valueAt(hist, total, highPercent, true));
    }

    private static int valueAt(int[] hist, long total, double percent, boolean upper) {
        if (percent <= 0 || percent >= 100) {
            boolean wantMax = percent >= 100;
            if (wantMax) {
                for (int v = hist.length - 1; v >= 0; v--) {
                    if (hist[v] > 0) {
                        return v;
                    }
                }
            } else {
                for (int v = 0; v < hist.length; v++) {
                    if (hist[v] > 0) {
                        return v;
                    }
                }
            }
            return 0;
        }
        double target = total * percent / 100.0;
        long cum = 0;
        for (int v = 0; v < hist.length; v++) {
            cum += hist[v];
            if (cum >= target) {
                return v;
            }
        }
        return upper ? hist.length - 1 : 0;
    }

    /** Maps one raw sample to 0..255. */
    public int toByte(int sample) {
        if (sample <= low) {
            return 0;
        }
        if (sample >= high) {
            return 255;
        }
        // high > low here, so the division is safe.
        return (int) ((sample - low) * 255L / (high - low));
    }

    /** Renders the raster through this window into opaque ARGB pixels (alpha of RGBA images ignored). */
    public ArgbImage render(ImageRaster r) {
        int[] lut = new int[r.maxValue() + 1];
        for (int v = 0; v < lut.length; v++) {
            lut[v] = toByte(v);
        }
        int n = r.width() * r.height();
        int[] out = new int[n];
        short[] s = r.samples();
        int ch = r.channels();
        for (int i = 0; i < n; i++) {
            int base = i * ch;
            int red = lut[s[base] & 0xFFFF];
            if (ch == 1) {
                out[i] = 0xFF000000 | red << 16 | red << 8 | red;
            } else {
                int g = lut[s[base + 1] & 0xFFFF];
                int b = lut[s[base + 2] & 0xFFFF];
                out[i] = 0xFF000000 | red << 16 | g << 8 | b;
            }
        }
        return new ArgbImage(r.width(), r.height(), out);
    }
}
