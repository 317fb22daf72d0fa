package defectlens.mask;

import defectlens.image.ArgbImage;
import defectlens.image.MaskOverlay;

/**
 * Draws a part of a {@link MaskRaster} into ARGB pixels the way {@link MaskOverlay} draws a whole mask (filled, or
 * its outline: defect pixels with a 4-neighbour in the background or on the border), so the window redraws only the
 * rectangle an edit changed.
 */
public final class MaskPicture {
    private MaskPicture() {
    }

    /**
     * The pixels of {@code rect} (already clipped to the mask), row by row. An outline pixel depends on its
     * neighbours: callers redraw the changed rectangle grown by one pixel.
     */
    public static int[] render(MaskRaster r, PixelRect rect, int rgb, MaskOverlay.Style style) {
        int[] out = new int[rect.width() * rect.height()];
        int opaque = 0xFF000000 | (rgb & 0xFFFFFF);
        byte[] bits = r.bits();
        int w = r.width();
        int h = r.height();
        boolean fill = style == MaskOverlay.Style.FILL;
        for (int y = rect.y(); y < rect.bottom(); y++) {
            int o = (y - rect.y()) * rect.width() - rect.x();
            int base = y * w;
            for (int x = rect.x(); x < rect.right(); x++) {
                if (bits[base + x] == 0) {
                    continue;
                }
                boolean on = fill || x == 0 || y == 0 || x == w - 1 || y == h - 1
                        || bits[base + x - 1] == 0 || bits[base + x + 1] == 0
                        || bits[base + x - w] == 0 || bits[base + x + w] == 0;
                if (on) {
                    out[o + x] = opaque;
                }
            }
        }
        return out;
    }

    /** The whole mask as a picture. */
    public static ArgbImage render(MaskRaster r, int rgb, MaskOverlay.Style style) {
        return new ArgbImage(r.width(), r.height(), render(r, r.bounds(), rgb, style));
    }
}
