package defectlens.app.common;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class ViewerTransformTest {
    @Test
    void zoomKeepsThePointUnderTheCursor() {
        ViewerTransform t = new ViewerTransform();
        t.fit(800, 600, 480, 480);
        assertEquals(1.25, t.scale(), 1e-9);
        double ix = t.imageX(300);
        double iy = t.imageY(200);
        t.zoomAt(300, 200, 3);
        assertEquals(3.75, t.scale(), 1e-9);
        assertEquals(ix, t.imageX(300), 1e-9);
        assertEquals(iy, t.imageY(200), 1e-9);
    }

    @Test
    void panAndActualSize() {
        ViewerTransform t = new ViewerTransform();
        t.fit(960, 960, 480, 480);
        t.pan(10, -5);
        assertEquals(10, t.tx(), 1e-9);
        assertEquals(-5, t.ty(), 1e-9);
        double cx = t.imageX(480);
        t.actualSize(960, 960);
        assertEquals(1, t.scale(), 1e-9);
        assertEquals(cx, t.imageX(480), 1e-9);
    }

    @Test
    void zoomIsBounded() {
        ViewerTransform t = new ViewerTransform();
        t.zoomAt(0, 0, 1e9);
        assertEquals(ViewerTransform.MAX_SCALE, t.scale(), 1e-9);
        t.zoomAt(0, 0, 1e-12);
        assertEquals(ViewerTransform.MIN_SCALE, t.scale(), 1e-9);
    }
}
