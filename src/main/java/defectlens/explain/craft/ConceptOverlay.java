package defectlens.explain.craft;

import defectlens.explain.Heatmap;
import defectlens.image.ArgbImage;
import defectlens.image.OverlayLayer;
import java.util.Locale;

/**
 * The most important CRAFT concepts of an image drawn together in distinct colours, as the seed
 * study's figures show them: each concept's map is normalised on its own, every pixel takes the
 * colour of the concept with the largest value there, and pixels where that value is below the
 * threshold stay transparent.
 */
public final class ConceptOverlay implements OverlayLayer {
    /** Distinct colours (Matplotlib's tab10), one per shown concept in order of importance. */
    public static final int[] PALETTE = {0x1F77B4, 0xFF7F0E, 0x2CA02C, 0xD62728, 0x9467BD, 0x8C564B, 0xE377C2,
        0x7F7F7F, 0xBCBD22, 0x17BECF};

    private final ConceptMaps maps;
    private final int[] shown;
    private final Heatmap[] heatmaps;
    private final double threshold;
    private final int width;
    private final int height;

    /** The {@code count} most important concepts (at most the palette's size) over a {@code width x height} image. */
    public ConceptOverlay(ConceptMaps maps, int count, double threshold, int width, int height) {
        int n = Math.min(Math.min(count, PALETTE.length), maps.bank().rank());
        this.maps = maps;
        this.shown = java.util.Arrays.copyOf(maps.bank().byImportance(), n);
        this.heatmaps = new Heatmap[n];
        for (int i = 0; i < n; i++) {
            heatmaps[i] = maps.conceptHeatmap(shown[i], width, height);
        }
        this.threshold = threshold;
        this.width = width;
        this.height = height;
    }

    /** Indices of the concepts drawn, most important first; concept {@code shown()[i]} has colour {@code PALETTE[i]}. */
    public int[] shown() {
        return shown.clone();
    }

    /** The colours in use, one per shown concept. */
    public int[] colours() {
        return java.util.Arrays.copyOf(PALETTE, shown.length);
    }

    @Override
    public String name() {
        return "CRAFT concepts (" + maps.bank().className() + ")";
    }

    @Override
    public int width() {
        return width;
    }

    @Override
    public int height() {
        return height;
    }

    /** Position in {@link #shown()} of the concept drawn at (x, y), or -1 where nothing is drawn. */
    public int conceptAt(int x, int y) {
        int best = -1;
        float value = (float) threshold;
        for (int i = 0; i < heatmaps.length; i++) {
            if (heatmaps[i].isDegenerate()) {
                continue;
            }
            float v = heatmaps[i].at(x, y);
            if (v >= value && (best < 0 || v > heatmaps[best].at(x, y))) {
                best = i;
                value = v;
            }
        }
        return best;
    }

    @Override
    public ArgbImage render() {
        int[] px = new int[width * height];
        for (int y = 0; y < height; y++) {
            for (int x = 0; x < width; x++) {
                int c = conceptAt(x, y);
                px[y * width + x] = c < 0 ? 0 : 0xFF000000 | PALETTE[c];
            }
        }
        return new ArgbImage(width, height, px);
    }

    @Override
    public String describeAt(int x, int y) {
        if (x < 0 || y < 0 || x >= width || y >= height) {
            return "";
        }
        int c = conceptAt(x, y);
        if (c < 0) {
            return "";
        }
        return String.format(Locale.ROOT, "concept %d (importance %.3f): %.2f", shown[c],
                maps.bank().importance()[shown[c]], heatmaps[c].at(x, y));
    }
}
