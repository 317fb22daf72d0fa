package defectlens.explain;

import defectlens.image.ArgbImage;
import defectlens.image.Colormap;
import defectlens.image.OverlayLayer;
import java.util.Locale;

/**
 * A heatmap as a viewer layer: the normalised map through a {@link Colormap}, transparent below the
 * threshold; or, in contour mode, only the iso-line at the threshold (pixels at or above it with a
 * 4-neighbour below it or on the border) in the colormap's top colour.
 */
public final class HeatmapOverlay implements OverlayLayer {
    /** How the heatmap is drawn. */
    public enum Mode { FILL, CONTOUR }

    private final Heatmap heatmap;
    private final Colormap colormap;
    private final double threshold;
    private final Mode mode;

    public HeatmapOverlay(Heatmap heatmap, Colormap colormap, double threshold, Mode mode) {
        if (threshold < 0 || threshold > 1) {
            throw new IllegalArgumentException("threshold must be in [0, 1]: " + threshold);
        }
        this.heatmap = heatmap;
        this.colormap = colormap;
        this.threshold = threshold;
        this.mode = mode;
    }

    /** The whole map in viridis. */
    public static HeatmapOverlay of(Heatmap heatmap) {
        return new HeatmapOverlay(heatmap, Colormap.VIRIDIS, 0, Mode.FILL);
    }

    public HeatmapOverlay withThreshold(double t) {
        return new HeatmapOverlay(heatmap, colormap, t, mode);
    }

    public HeatmapOverlay withMode(Mode m) {
        return new HeatmapOverlay(heatmap, colormap, threshold, m);
    }

    public HeatmapOverlay withColormap(Colormap c) {
        return new HeatmapOverlay(heatmap, c, threshold, mode);
    }

    public Heatmap heatmap() {
        return heatmap;
    }

    public double threshold() {
        return threshold;
    }

    public Colormap colormap() {
        return colormap;
    }

    public Mode mode() {
        return mode;
    }

    @Override
    public String name() {
        return heatmap.method() + " (" + heatmap.className() + ")";
    }

    @Override
    public int width() {
        return heatmap.width();
    }

    @Override
    public int height() {
        return heatmap.height();
    }

    @Override
    public ArgbImage render() {
        int w = width();
        int h = height();
        int[] px = new int[w * h];
        if (heatmap.isDegenerate()) {
            return new ArgbImage(w, h, px);
        }
        for (int y = 0; y < h; y++) {
            for (int x = 0; x < w; x++) {
                float v = heatmap.at(x, y);
                if (!on(v)) {
                    continue;
                }
                if (mode == Mode.FILL) {
                    px[y * w + x] = colormap.argb(v);
                } else if (x == 0 || y == 0 || x == w - 1 || y == h - 1 || !on(heatmap.at(x - 1, y))
                        || !on(heatmap.at(x + 1, y)) || !on(heatmap.at(x, y - 1)) || !on(heatmap.at(x, y + 1))) {
                    px[y * w + x] = colormap.argb(1.0);
                }
            }
        }
        return new ArgbImage(w, h, px);
    }

    private boolean on(float v) {
        return threshold == 0 ? true : v >= threshold;
    }

    @Override
    public String describeAt(int x, int y) {
        if (x < 0 || y < 0 || x >= width() || y >= height()) {
            return "";
        }
        if (heatmap.isDegenerate()) {
            return heatmap.method() + ": degenerate (" + heatmap.degenerateReason().orElse("") + ")";
        }
        return String.format(Locale.ROOT, "%s %.3f", heatmap.method(), heatmap.at(x, y));
    }
}
