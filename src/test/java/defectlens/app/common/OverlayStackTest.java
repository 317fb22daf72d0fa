package defectlens.app.common;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import defectlens.explain.Heatmap;
import defectlens.explain.HeatmapOverlay;
import defectlens.image.BinaryMask;
import defectlens.image.Colormap;
import defectlens.image.MaskOverlay;
import java.util.List;
import javafx.collections.FXCollections;
import org.junit.jupiter.api.Test;

/** The viewer's layer order: masks on top whatever is added, remove, up and down among the heatmaps. */
class OverlayStackTest {
    private static OverlayLayerModel heatmap(String method) {
        float[] raw = new float[16];
        raw[5] = 1;
        Heatmap h = Heatmap.of(method, 0, "cls", 1, raw, 4, 4, false, 4, 4);
        return new OverlayLayerModel(new HeatmapOverlay(h, Colormap.VIRIDIS, 0.2, HeatmapOverlay.Mode.FILL), 0.6);
    }

    private static OverlayLayerModel mask() {
        MaskOverlay m = new MaskOverlay("Ground-truth mask", new BinaryMask(4, 4, new boolean[16]), 0xFF0000, MaskOverlay.Style.FILL);
        return new OverlayLayerModel(m, 0.8);
    }

    @Test
    void heatmapsGoUnderTheMaskAndMoveAmongThemselves() {
        OverlayStack stack = new OverlayStack(FXCollections.observableArrayList());
        OverlayLayerModel mask = mask();
        OverlayLayerModel a = heatmap("gradcam");
        OverlayLayerModel b = heatmap("layercam");
        stack.add(mask);
        stack.add(a);
        stack.add(b);
        assertEquals(List.of(a, b, mask), stack.layers(), "each new heatmap lies just under the mask");
        assertFalse(stack.canMoveUp(b), "nothing moves above the mask");
        assertFalse(stack.canMoveUp(mask));
        assertFalse(stack.canMoveDown(mask));
        assertTrue(stack.canMoveDown(b));
        stack.moveDown(b);
        assertEquals(List.of(b, a, mask), stack.layers());
        stack.moveUp(a); // no-op: the mask is above it
        assertEquals(List.of(b, a, mask), stack.layers());
        stack.moveUp(b);
        assertEquals(List.of(a, b, mask), stack.layers());

        OverlayLayerModel again = heatmap("gradcam");
        stack.add(again);
        assertEquals(List.of(again, b, mask), stack.layers(), "same name: replaced in its place");
        stack.remove(b);
        assertEquals(List.of(again, mask), stack.layers());
    }

    @Test
    void aMaskAddedLaterStillLiesOnTop() {
        OverlayStack stack = new OverlayStack(FXCollections.observableArrayList());
        OverlayLayerModel a = heatmap("gradcam");
        stack.add(a);
        OverlayLayerModel mask = mask();
        stack.add(mask);
        assertEquals(List.of(a, mask), stack.layers());
        assertTrue(mask.isMask());
        assertFalse(a.isMask());
    }
}
