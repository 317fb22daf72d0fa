package defectlens.app.mask;

import defectlens.app.sem.ViewerTool;
import defectlens.mask.MaskEditor;
import defectlens.mask.MaskTool;
import defectlens.mask.PixelRect;
import java.util.ArrayList;
import java.util.List;
import javafx.beans.binding.Bindings;
import javafx.beans.value.ObservableDoubleValue;
import javafx.scene.Group;
import javafx.scene.Node;
import javafx.scene.input.MouseEvent;
import javafx.scene.paint.Color;
import javafx.scene.shape.Circle;
import javafx.scene.shape.Polyline;
import javafx.scene.shape.Rectangle;

/**
 * The mask editor's mouse in the viewer: brush and eraser strokes (one job per press-drag-release), polygon by
 * clicks (double-click or a click on the first vertex closes it) or lasso by dragging, flood fill and delete
 * component by a click, invert by dragging a box. Previews (brush outline, polygon so far, box) are drawn in
 * image coordinates with a one-screen-pixel line.
 */
public final class MaskEditTool implements ViewerTool {
    private static final double CLOSE_DISTANCE_SCREEN = 8;

    private final MaskEditViewModel vm;
    private final ObservableDoubleValue zoom;
    private final Circle brushOutline = new Circle();
    private final Polyline polygon = new Polyline();
    private final Rectangle box = new Rectangle();
    private final Group preview = new Group(polygon, box, brushOutline);
    private final List<double[]> vertices = new ArrayList<>();
    private double pressX;
    private double pressY;
    private boolean lasso;

    public MaskEditTool(MaskEditViewModel vm, ObservableDoubleValue zoom) {
        this.vm = vm;
        this.zoom = zoom;
        for (javafx.scene.shape.Shape s : List.of(brushOutline, polygon, box)) {
            s.setFill(null);
            s.setStroke(Color.web("#FFD60A"));
            s.strokeWidthProperty().bind(Bindings.divide(1.5, zoom));
            s.setMouseTransparent(true);
        }
        box.setVisible(false);
        brushOutline.visibleProperty().bind(Bindings.createBooleanBinding(
                () -> vm.toolProperty().get() == MaskTool.BRUSH || vm.toolProperty().get() == MaskTool.ERASER,
                vm.toolProperty()));
        brushOutline.radiusProperty().bind(vm.brushSizeProperty().divide(2.0));
        vm.toolProperty().addListener((o, a, t) -> cancel());
    }

    /** Drops a polygon or box in progress (Esc, another tool). */
    public void cancel() {
        vertices.clear();
        polygon.getPoints().clear();
        box.setVisible(false);
    }

    @Override
    public void pressed(double x, double y, MouseEvent e) {
        MaskEditor ed = vm.editor();
        if (ed == null) {
            return;
        }
        pressX = x;
        pressY = y;
        lasso = false;
        switch (vm.toolProperty().get()) {
            case BRUSH, ERASER -> ed.beginStroke(x, y, vm.toolProperty().get() == MaskTool.BRUSH);
            case FLOOD_FILL -> ed.floodFill((int) Math.floor(x), (int) Math.floor(y));
            case DELETE_COMPONENT -> ed.deleteComponent((int) Math.floor(x), (int) Math.floor(y));
            case INVERT_BOX, GRABCUT_BOX -> {
                box.setVisible(true);
                updateBox(x, y);
            }
            case POLYGON -> {
                if (vertices.isEmpty()) {
                    vertices.add(new double[] {x, y});
                    showPolygon(x, y);
                }
            }
            default -> throw new IllegalStateException("unknown tool " + vm.toolProperty().get());
        }
        moved(x, y);
    }

    @Override
    public void dragged(double x, double y, MouseEvent e) {
        MaskEditor ed = vm.editor();
        moved(x, y);
        if (ed == null) {
            return;
        }
        switch (vm.toolProperty().get()) {
            case BRUSH, ERASER -> ed.strokeTo(x, y);
            case INVERT_BOX, GRABCUT_BOX -> updateBox(x, y);
            case POLYGON -> {
                double d = Math.hypot(x - pressX, y - pressY) * zoom.get();
                if (lasso || d > 4) {
                    lasso = true;
                    vertices.add(new double[] {x, y});
                    showPolygon(x, y);
                }
            }
            default -> {
            }
        }
    }

    @Override
    public void released(double x, double y, MouseEvent e) {
        MaskEditor ed = vm.editor();
        if (ed == null) {
            cancel();
            return;
        }
        switch (vm.toolProperty().get()) {
            case BRUSH, ERASER -> ed.endStroke();
            case INVERT_BOX, GRABCUT_BOX -> {
                box.setVisible(false);
                PixelRect r = PixelRect.spanning((int) Math.floor(Math.min(pressX, x)),
                        (int) Math.floor(Math.min(pressY, y)), (int) Math.ceil(Math.max(pressX, x)) - 1,
                        (int) Math.ceil(Math.max(pressY, y)) - 1);
                if (vm.toolProperty().get() == MaskTool.INVERT_BOX) {
                    ed.invertBox(r);
                } else {
                    vm.grabCutInBox(r);
                }
            }
            case POLYGON -> polygonRelease(ed, x, y, e.getClickCount());
            default -> {
            }
        }
    }

    private void polygonRelease(MaskEditor ed, double x, double y, int clicks) {
        if (lasso) {
            fillAndClear(ed);
            return;
        }
        double[] first = vertices.get(0);
        boolean onFirst = vertices.size() > 2 && Math.hypot(x - first[0], y - first[1]) * zoom.get()
                < CLOSE_DISTANCE_SCREEN;
        if (clicks >= 2 || onFirst) {
            fillAndClear(ed);
        } else if (vertices.size() > 1 || Math.hypot(x - first[0], y - first[1]) > 0) {
            vertices.add(new double[] {x, y});
            showPolygon(x, y);
        }
    }

    private void fillAndClear(MaskEditor ed) {
        List<double[]> v = List.copyOf(vertices);
        cancel();
        ed.fillPolygon(v);
    }

    private void showPolygon(double x, double y) {
        List<Double> pts = new ArrayList<>();
        for (double[] v : vertices) {
            pts.add(v[0]);
            pts.add(v[1]);
        }
        pts.add(x);
        pts.add(y);
        polygon.getPoints().setAll(pts);
    }

    private void updateBox(double x, double y) {
        box.setX(Math.min(pressX, x));
        box.setY(Math.min(pressY, y));
        box.setWidth(Math.abs(x - pressX));
        box.setHeight(Math.abs(y - pressY));
    }

    @Override
    public void moved(double x, double y) {
        brushOutline.setCenterX(x);
        brushOutline.setCenterY(y);
        if (!vertices.isEmpty() && !lasso) {
            showPolygon(x, y);
        }
    }

    @Override
    public Node preview() {
        return preview;
    }
}
