package defectlens.mask;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

/**
 * Edits one mask: the tools (brush and eraser with a size, polygon or lasso fill, flood fill, delete a connected
 * component, invert a box), each use one job on a {@link MaskEditStack}, undo and redo. Listeners hear the
 * rectangle to redraw after every change (during a stroke, after each segment) and when the stack changed. Plain
 * Java, so every tool is tested without a window; coordinates are image pixels (fractions allowed).
 */
public final class MaskEditor {
    /** Smallest and largest brush diameter in image pixels. */
    public static final int MIN_BRUSH = 1;
    public static final int MAX_BRUSH = 1024;

    private final MaskRaster raster;
    private final MaskEditStack stack = new MaskEditStack();
    private final List<Consumer<PixelRect>> redraw = new ArrayList<>();
    private final List<Runnable> changed = new ArrayList<>();
    private int brush = 15;
    private int revision;
    private EditRecorder stroke;
    private boolean strokePaints;
    private double lastX;
    private double lastY;

    public MaskEditor(MaskRaster raster) {
        this.raster = raster;
    }

    public MaskRaster raster() {
        return raster;
    }

    public MaskEditStack stack() {
        return stack;
    }

    /** Called with the rectangle to redraw after each change of pixels. */
    public void onRedraw(Consumer<PixelRect> l) {
        redraw.add(l);
    }

    /** Called after a job was done, undone or redone. */
    public void onChange(Runnable l) {
        changed.add(l);
    }

    /** The brush (and eraser) diameter in image pixels. */
    public int brushSize() {
        return brush;
    }

    public void setBrushSize(int d) {
        brush = Math.max(MIN_BRUSH, Math.min(MAX_BRUSH, d));
    }

    /** A larger brush ({@code ]}): +1 below 10 pixels, else about +20 %. */
    public void growBrush() {
        setBrushSize(brush < 10 ? brush + 1 : (int) Math.round(brush * 1.2));
    }

    /** A smaller brush ({@code [}). */
    public void shrinkBrush() {
        setBrushSize(brush <= 10 ? brush - 1 : (int) Math.round(brush / 1.2));
    }

    /** True when the mask differs from the one the editor started with (jobs done and not undone). */
    public boolean isEdited() {
        return revision != 0;
    }

    /** Starts a brush ({@code paint}) or eraser stroke at (x, y) and paints its first dab. */
    public void beginStroke(double x, double y, boolean paint) {
        endStroke();
        stroke = new EditRecorder(raster, paint ? "Brush stroke" : "Eraser stroke");
        strokePaints = paint;
        lastX = x;
        lastY = y;
        fire(MaskTools.brush(raster, stroke, x, y, x, y, brush, paint));
    }

    /** Continues the stroke to (x, y). */
    public void strokeTo(double x, double y) {
        if (stroke == null) {
            return;
        }
        fire(MaskTools.brush(raster, stroke, lastX, lastY, x, y, brush, strokePaints));
        lastX = x;
        lastY = y;
    }

    /** Ends the stroke: it becomes one job. */
    public void endStroke() {
        if (stroke != null) {
            EditRecorder rec = stroke;
            stroke = null;
            commit(rec.finish());
        }
    }

    public boolean isStroking() {
        return stroke != null;
    }

    /** Fills a polygon or lasso given by its vertices ({x, y} in image coordinates). */
    public void fillPolygon(List<double[]> vertices) {
        run("Polygon fill", rec -> MaskTools.polygon(raster, rec, vertices));
    }

    /** Fills the 4-connected background region around (x, y) with defect; nothing on a defect pixel. */
    public void floodFill(int x, int y) {
        if (!raster.contains(x, y) || raster.get(x, y)) {
            return;
        }
        run("Flood fill", rec -> {
            int[] box = new int[4];
            int[] region = MaskTools.region(raster, x, y, false, box);
            return MaskTools.setRegion(raster, rec, region, box, true);
        });
    }

    /** Deletes the 8-connected defect component under (x, y); nothing on a background pixel. */
    public void deleteComponent(int x, int y) {
        if (!raster.contains(x, y) || !raster.get(x, y)) {
            return;
        }
        run("Delete component", rec -> {
            int[] box = new int[4];
            int[] region = MaskTools.region(raster, x, y, true, box);
            return MaskTools.setRegion(raster, rec, region, box, false);
        });
    }

    /** Inverts every pixel inside a box. */
    public void invertBox(PixelRect box) {
        run("Invert box", rec -> MaskTools.invert(raster, rec, box));
    }

    /** Replaces the whole mask (e.g. by another candidate) as one job. */
    public void replaceWith(MaskRaster other, String name) {
        if (other.width() != raster.width() || other.height() != raster.height()) {
            throw new IllegalArgumentException("mask is " + other.width() + "x" + other.height() + ", expected "
                    + raster.width() + "x" + raster.height());
        }
        run(name, rec -> MaskTools.replace(raster, rec, other));
    }

    /** Takes back the newest job; false when there is none. */
    public boolean undo() {
        endStroke();
        return stack.popUndo().map(e -> {
            revision--;
            fire(e.undo(raster));
            fireChanged();
            return true;
        }).orElse(false);
    }

    /** Applies the newest undone job again; false when there is none. */
    public boolean redo() {
        endStroke();
        return stack.popRedo().map(e -> {
            revision++;
            fire(e.redo(raster));
            fireChanged();
            return true;
        }).orElse(false);
    }

    private interface Tool {
        PixelRect apply(EditRecorder rec);
    }

    private void run(String name, Tool tool) {
        endStroke();
        EditRecorder rec = new EditRecorder(raster, name);
        fire(tool.apply(rec));
        commit(rec.finish());
    }

    private void commit(MaskEdit e) {
        if (e != null) {
            stack.push(e);
            revision++;
            fireChanged();
        }
    }

    private void fire(PixelRect r) {
        if (!r.isEmpty()) {
            for (Consumer<PixelRect> l : redraw) {
                l.accept(r);
            }
        }
    }

    private void fireChanged() {
        for (Runnable l : changed) {
            l.run();
        }
    }
}
