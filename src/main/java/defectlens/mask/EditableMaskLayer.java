package defectlens.mask;

import defectlens.image.ArgbImage;
import defectlens.image.MaskOverlay;
import defectlens.image.OverlayLayer;

/**
 * The mask under edit as an overlay layer: drawn like the ground-truth {@link MaskOverlay} (fill or outline, one
 * colour) from the live {@link MaskRaster}; the window renders it once and then redraws changed rectangles with
 * {@link MaskPicture}.
 */
public record EditableMaskLayer(String name, MaskEditor editor, int rgb, MaskOverlay.Style style)
        implements OverlayLayer {
    @Override
    public int width() {
        return editor.raster().width();
    }

    @Override
    public int height() {
        return editor.raster().height();
    }

    @Override
    public ArgbImage render() {
        return MaskPicture.render(editor.raster(), rgb, style);
    }

    /** The pixels of a rectangle (clipped to the mask) for a partial redraw. */
    public int[] render(PixelRect rect) {
        return MaskPicture.render(editor.raster(), rect, rgb, style);
    }

    /** The same layer drawn in another style. */
    public EditableMaskLayer withStyle(MaskOverlay.Style s) {
        return new EditableMaskLayer(name, editor, rgb, s);
    }

    @Override
    public String describeAt(int x, int y) {
        if (!editor.raster().contains(x, y)) {
            return "";
        }
        return editor.raster().get(x, y) ? "defect" : "background";
    }
}
