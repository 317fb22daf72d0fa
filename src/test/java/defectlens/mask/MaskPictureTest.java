package defectlens.mask;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;

import defectlens.image.MaskOverlay;
import org.junit.jupiter.api.Test;

/** A partial redraw gives the same pixels as the ground-truth overlay's full render of the same mask. */
class MaskPictureTest {
    @Test
    void rectangleRenderMatchesTheOverlayInBothStyles() {
        MaskEditor ed = new MaskEditor(new MaskRaster(70, 40));
        ed.setBrushSize(9);
        ed.beginStroke(3, 3, true);
        ed.strokeTo(66, 30);
        ed.endStroke();
        for (MaskOverlay.Style style : MaskOverlay.Style.values()) {
            int[] full = new MaskOverlay("m", ed.raster().toBinaryMask(), 0x00FF00, style).render().pixels();
            PixelRect part = new PixelRect(10, 5, 30, 20);
            int[] got = MaskPicture.render(ed.raster(), part, 0x00FF00, style);
            int[] want = new int[part.width() * part.height()];
            for (int y = 0; y < part.height(); y++) {
                System.arraycopy(full, (part.y() + y) * 70 + part.x(), want, y * part.width(), part.width());
            }
            assertArrayEquals(want, got, style.toString());
        }
    }
}
