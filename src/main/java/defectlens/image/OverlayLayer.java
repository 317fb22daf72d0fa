package defectlens.image;

/**
 * Something drawn over the image in the viewer: a ground-truth mask ({@code MaskOverlay}), a heatmap
 * ({@code HeatmapOverlay}) or CRAFT concepts ({@code ConceptOverlay}). A layer renders itself once into
 * an ARGB picture at the image's resolution, with per-pixel alpha; the viewer stacks layers and applies
 * each layer's opacity and visibility.
 */
public interface OverlayLayer {
    /** The name shown in the layer list, e.g. "Ground-truth mask". */
    String name();

    int width();

    int height();

    /** The layer's picture at full opacity; transparent where the layer shows nothing. */
    ArgbImage render();

    /** A short text for the legend or the value under the cursor at (x, y); empty when nothing to say. */
    default String describeAt(int x, int y) {
        return "";
    }
}
