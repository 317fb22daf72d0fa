package defectlens.explain;

import defectlens.image.ArgbImage;
import defectlens.image.Colormap;
import defectlens.image.DisplayWindow;
import defectlens.image.ImageRaster;

/**
 * An explanation as a rater or a report sees it: the SEM image (min/max window) with the heatmap
 * blended over it in a colormap, at a fixed opacity; pixels under the threshold stay plain image.
 */
public final class ExplanationPicture {
    private ExplanationPicture() {
    }

    public static ArgbImage compose(ImageRaster image, Heatmap heatmap, Colormap colormap, double threshold, double opacity) {
        if (heatmap.width() != image.width() || heatmap.height() != image.height()) {
            heatmap = heatmap.atSize(image.width(), image.height());
        }
        ArgbImage base = DisplayWindow.minMax(image).render(image);
        ArgbImage heat = new HeatmapOverlay(heatmap, colormap, threshold, HeatmapOverlay.Mode.FILL).render();
        int[] out = new int[base.pixels().length];
        for (int i = 0; i < out.length; i++) {
            int b = base.pixels()[i];
            int h = heat.pixels()[i];
            double a = ((h >>> 24) / 255.0) * opacity;
            int r = mix((b >> 16) & 0xFF, (h >> 16) & 0xFF, a);
            int g = mix((b >> 8) & 0xFF, (h >> 8) & 0xFF, a);
            int bl = mix(b & 0xFF, h & 0xFF, a);
            out[i] = 0xFF000000 | r << 16 | g << 8 | bl;
        }
        return new ArgbImage(base.width(), base.height(), out);
    }

    private static int mix(int under, int over, double a) {
        return (int) Math.round(under * (1 - a) + over * a);
    }
}
