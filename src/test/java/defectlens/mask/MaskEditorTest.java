package defectlens.mask;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import defectlens.image.BinaryMask;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Every tool of the mask editor on a bit raster, with undo, redo and the rectangles to redraw. */
class MaskEditorTest {
    private static boolean[] snapshot(MaskRaster r) {
        boolean[] b = new boolean[r.width() * r.height()];
        for (int y = 0; y < r.height(); y++) {
            for (int x = 0; x < r.width(); x++) {
                b[y * r.width() + x] = r.get(x, y);
            }
        }
        return b;
    }

    @Test
    void brushStrokePaintsACapsuleAndIsOneUndoableJob() {
        MaskEditor ed = new MaskEditor(new MaskRaster(300, 200));
        List<PixelRect> redraws = new ArrayList<>();
        ed.onRedraw(redraws::add);
        ed.setBrushSize(11);
        ed.beginStroke(20.5, 50.5, true);
        ed.strokeTo(100.5, 50.5);
        ed.strokeTo(100.5, 120.5);
        ed.endStroke();
        MaskRaster r = ed.raster();
        assertTrue(r.get(60, 50) && r.get(60, 55) && r.get(100, 90));
        assertFalse(r.get(60, 56), "radius 5.5 from the centre line y = 50.5 ends at row 55");
        assertFalse(r.get(60, 80));
        assertEquals(3, redraws.size(), "one redraw per dab or segment");
        assertTrue(redraws.get(1).x() <= 15 && redraws.get(1).right() >= 106);
        assertEquals(1, ed.stack().size());
        assertTrue(ed.isEdited());
        long area = r.area();

        assertTrue(ed.undo());
        assertEquals(0, r.area());
        assertFalse(ed.isEdited());
        assertTrue(ed.redo());
        assertEquals(area, r.area());
        assertFalse(ed.redo(), "nothing left to redo");
    }

    @Test
    void eraserRemovesAndANewJobClearsRedo() {
        MaskEditor ed = new MaskEditor(new MaskRaster(128, 128));
        ed.invertBox(new PixelRect(0, 0, 128, 128));
        assertEquals(128 * 128, ed.raster().area());
        ed.setBrushSize(4);
        ed.beginStroke(64, 10, false);
        ed.strokeTo(64, 100);
        ed.endStroke();
        assertFalse(ed.raster().get(64, 50));
        assertTrue(ed.raster().get(70, 50));
        ed.undo();
        assertTrue(ed.raster().get(64, 50));
        ed.floodFill(3, 3);
        assertTrue(ed.stack().canRedo() && ed.stack().size() == 1, "a flood fill on defect changes nothing");
        ed.deleteComponent(3, 3);
        assertEquals(0, ed.raster().area());
        assertFalse(ed.stack().canRedo(), "a new job drops the undone stroke");
        assertEquals("Delete component", ed.stack().undoName().orElseThrow());
    }

    @Test
    void polygonFillsPixelCentresInsideEvenOdd() {
        MaskEditor ed = new MaskEditor(new MaskRaster(50, 50));
        ed.fillPolygon(List.of(new double[] {10, 10}, new double[] {20, 10}, new double[] {20, 20},
                new double[] {10, 20}));
        assertEquals(100, ed.raster().area());
        assertTrue(ed.raster().get(10, 10) && ed.raster().get(19, 19));
        assertFalse(ed.raster().get(20, 20));
        ed.fillPolygon(List.of(new double[] {0, 0}, new double[] {1, 1}));
        assertEquals(1, ed.stack().size(), "fewer than three vertices fill nothing");
    }

    @Test
    void floodFillStopsAtTheDefectBoundaryAndDeleteTakesOneComponent() {
        MaskEditor ed = new MaskEditor(new MaskRaster(40, 40));
        ed.invertBox(new PixelRect(5, 5, 10, 1));
        ed.invertBox(new PixelRect(5, 14, 10, 1));
        ed.invertBox(new PixelRect(5, 6, 1, 8));
        ed.invertBox(new PixelRect(14, 6, 1, 8));
        ed.invertBox(new PixelRect(30, 30, 3, 3));
        long ring = 10 + 10 + 8 + 8;
        assertEquals(ring + 9, ed.raster().area());
        ed.floodFill(9, 9);
        assertEquals(100 + 9, ed.raster().area(), "the inside of the ring, not the outside");
        ed.deleteComponent(31, 31);
        assertEquals(100, ed.raster().area());
        ed.deleteComponent(0, 0);
        assertEquals(100, ed.raster().area(), "nothing to delete on background");
        ed.undo();
        ed.undo();
        assertEquals(ring + 9, ed.raster().area());
    }

    @Test
    void diagonalNeighboursFormOneComponentButStopAFloodFill() {
        MaskEditor ed = new MaskEditor(new MaskRaster(10, 10));
        ed.invertBox(new PixelRect(2, 2, 1, 1));
        ed.invertBox(new PixelRect(3, 3, 1, 1));
        ed.deleteComponent(2, 2);
        assertEquals(0, ed.raster().area());
    }

    @Test
    void undoRestoresExactlyOnAnOddSizedLargeMask() {
        BinaryMask start = new BinaryMask(301, 157, new boolean[301 * 157]);
        MaskEditor ed = new MaskEditor(MaskRaster.of(start));
        ed.invertBox(new PixelRect(-10, -10, 400, 80));
        boolean[] afterInvert = snapshot(ed.raster());
        ed.setBrushSize(40);
        ed.beginStroke(0, 156, true);
        ed.strokeTo(300, 0);
        ed.endStroke();
        ed.fillPolygon(List.of(new double[] {100, 100}, new double[] {300, 150}, new double[] {120, 156}));
        ed.undo();
        ed.undo();
        assertTrue(java.util.Arrays.equals(afterInvert, snapshot(ed.raster())));
        ed.undo();
        assertEquals(0, ed.raster().area());
        assertFalse(ed.undo());
    }

    @Test
    void brushSizeStepsAndLimits() {
        MaskEditor ed = new MaskEditor(new MaskRaster(8, 8));
        ed.setBrushSize(9);
        ed.growBrush();
        assertEquals(10, ed.brushSize());
        ed.growBrush();
        assertEquals(12, ed.brushSize());
        ed.shrinkBrush();
        assertEquals(10, ed.brushSize());
        ed.setBrushSize(0);
        assertEquals(MaskEditor.MIN_BRUSH, ed.brushSize());
        ed.setBrushSize(5000);
        assertEquals(MaskEditor.MAX_BRUSH, ed.brushSize());
    }

    @Test
    void strokeOutsideTheImageChangesNothing() {
        MaskEditor ed = new MaskEditor(new MaskRaster(20, 20));
        ed.beginStroke(-100, -100, true);
        ed.strokeTo(-50, -80);
        ed.endStroke();
        assertEquals(0, ed.stack().size());
    }
}
