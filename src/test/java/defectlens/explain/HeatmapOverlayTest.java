package defectlens.explain;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import defectlens.image.ArgbImage;
import defectlens.image.Colormap;
import org.junit.jupiter.api.Test;

class HeatmapOverlayTest {
    @Test
    void colormapTablesHitMatplotlibsEntries() {
        assertEquals(0x440154, Colormap.VIRIDIS.rgb(0));
        assertEquals(0xFDE725, Colormap.VIRIDIS.rgb(1));
        assertEquals(0x21918C, Colormap.VIRIDIS.rgb(128 / 255.0));
        assertEquals(0x000004, Colormap.INFERNO.rgb(-3));
        assertEquals(0x800000, Colormap.JET.rgb(1));
        assertEquals(0x000080, Colormap.JET.rgb(Double.NaN));
        ArgbImage legend = Colormap.INFERNO.legend(256, 2);
        assertEquals(0xFFFCFFA4, legend.argb(255, 1));
    }

    @Test
    void thresholdMakesLowValuesTransparentAndContourDrawsTheIsoLine() {
        float[] raw = new float[64];
        for (int y = 2; y < 6; y++) {
            for (int x = 2; x < 6; x++) {
                raw[y * 8 + x] = 1;
            }
        }
        raw[0] = 0.2f;
        Heatmap h = Heatmap.of("gradcam", 0, "bridge", 0, raw, 8, 8, false, 8, 8);
        HeatmapOverlay fill = new HeatmapOverlay(h, Colormap.VIRIDIS, 0.5, HeatmapOverlay.Mode.FILL);
        ArgbImage img = fill.render();
        assertEquals(0, img.alpha(0, 0));
        assertEquals(0, img.alpha(7, 7));
        assertEquals(0xFFFDE725, img.argb(3, 3));
        ArgbImage all = HeatmapOverlay.of(h).render();
        assertEquals(255, all.alpha(7, 7));
        ArgbImage contour = fill.withMode(HeatmapOverlay.Mode.CONTOUR).render();
        int on = 0;
        for (int i = 0; i < 64; i++) {
            if ((contour.pixels()[i] >>> 24) != 0) {
                on++;
            }
        }
        assertEquals(12, on, "the 4x4 block's outline");
        assertEquals(0, contour.alpha(3, 3), "inside the iso-line stays clear");
        assertEquals(255, contour.alpha(2, 3));
        assertEquals("gradcam (bridge)", fill.name());
        assertTrue(fill.describeAt(3, 3).startsWith("gradcam 1.000"));
        Heatmap zero = Heatmap.of("gradcam", 0, "bridge", 0, new float[4], 2, 2, false, 2, 2);
        assertTrue(HeatmapOverlay.of(zero).describeAt(0, 0).contains("degenerate"));
    }
}
