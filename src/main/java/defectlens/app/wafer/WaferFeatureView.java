package defectlens.app.wafer;

import defectlens.app.look.Looks;
import defectlens.wafer.WaferMap;
import defectlens.wafer.features.FailRegion;
import defectlens.wafer.features.FeatureBreakdown;
import defectlens.wafer.features.RegionDensities;
import java.util.List;
import java.util.Locale;
import javafx.geometry.Insets;
import javafx.geometry.VPos;
import javafx.scene.canvas.Canvas;
import javafx.scene.canvas.GraphicsContext;
import javafx.scene.control.Label;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.VBox;
import javafx.scene.paint.Color;
import javafx.scene.text.Font;
import javafx.scene.text.TextAlignment;

/**
 * The feature view of the selected map: the map at its original size with the 13 density regions drawn over it
 * (the grid lines of the cut points; each inner cell and each outer band labelled with its failure density in %),
 * the largest failing region outlined, its 6 geometry values, and the two Radon profiles (mean and standard
 * deviation over the angles per detector position) as small plots with the 20 resampled feature points on them.
 */
public final class WaferFeatureView extends VBox {
    static final double MAP = 230;
    static final double PLOT_W = 170;
    static final double PLOT_H = 80;
    private static final Color PASS = Color.web("#d5dde2");
    private static final Color FAIL = Color.web("#c62828");
    private static final Color GRID = Color.web("#1f4e9a");
    private static final Color OUTLINE = Color.web("#00a0b0");
    private final Canvas map = new Canvas(MAP, MAP);
    private final Canvas meanPlot = new Canvas(PLOT_W, PLOT_H);
    private final Canvas stdPlot = new Canvas(PLOT_W, PLOT_H);
    private final GridPane geometry = new GridPane();
    private final Label note = new Label();

    public WaferFeatureView(WaferFeatureViewModel vm) {
        setSpacing(4);
        setPadding(new Insets(2, 0, 2, 0));
        setId("waferFeatureView");
        map.setId("featureMap");
        meanPlot.setId("radonMeanPlot");
        stdPlot.setId("radonStdPlot");
        geometry.setId("featureGeometry");
        geometry.setHgap(6);
        note.setId("featureNote");
        note.setWrapText(true);
        note.setStyle("-fx-font-size: 11px;");
        note.getStyleClass().add(Looks.MUTED);
        note.textProperty().bind(vm.noteProperty());
        Label title = new Label("The map's 59 features");
        title.setStyle("-fx-font-weight: bold;");
        Label legend = small("Failure density (%) of the 13 regions (T, R, B, L: the outer bands); outlined: the "
                + "largest failing region, its geometry on the right", MAP + PLOT_W);
        VBox plots = new VBox(2, small("Radon mean per detector position (dots: the 20 features x 100)", PLOT_W),
                meanPlot, small("Radon standard deviation over the angles", PLOT_W), stdPlot, geometry);
        HBox row = new HBox(8, map, plots);
        getChildren().addAll(title, legend, row, note);
        vm.breakdownProperty().addListener((o, a, b) -> draw(b));
        draw(vm.breakdownProperty().get());
    }

    private static Label small(String text, double width) {
        Label l = new Label(text);
        l.setWrapText(true);
        l.setMaxWidth(width);
        l.setStyle("-fx-font-size: 10px;");
        l.getStyleClass().add(Looks.MUTED);
        return l;
    }

    private void draw(FeatureBreakdown b) {
        clear(map);
        clear(meanPlot);
        clear(stdPlot);
        geometry.getChildren().clear();
        if (b == null) {
            return;
        }
        drawMap(b);
        plot(meanPlot, b.radonMean(), b.resampledMean());
        plot(stdPlot, b.radonStd(), b.resampledStd());
        List<String> names = FeatureBreakdown.geometryNames();
        double[] values = b.geometry();
        for (int k = 0; k < values.length; k++) {
            Label name = new Label(names.get(k).replace("geom_", "").replace('_', ' '));
            Label value = new Label(String.format(Locale.ROOT, "%.3f", values[k]));
            value.setId("geom" + k);
            name.setStyle("-fx-font-size: 11px;");
            name.setMinWidth(javafx.scene.layout.Region.USE_PREF_SIZE);
            value.setStyle("-fx-font-size: 11px; -fx-font-family: monospace;");
            value.setMinWidth(javafx.scene.layout.Region.USE_PREF_SIZE);
            geometry.add(name, 0, k);
            geometry.add(value, 1, k);
        }
        if (!b.anyFailing()) {
            geometry.add(small("no failing die: the whole map is the region", PLOT_W), 0, values.length, 2, 1);
        }
    }

    private static void clear(Canvas c) {
        c.getGraphicsContext2D().clearRect(0, 0, c.getWidth(), c.getHeight());
    }

    private void drawMap(FeatureBreakdown b) {
        WaferMap m = b.map();
        int h = m.rows();
        int w = m.cols();
        double cell = Math.min(MAP / w, MAP / h);
        GraphicsContext g = map.getGraphicsContext2D();
        for (int r = 0; r < h; r++) {
            for (int c = 0; c < w; c++) {
                int die = m.die(r, c);
                if (die != WaferMap.NO_DIE) {
                    g.setFill(die == WaferMap.FAIL ? FAIL : PASS);
                    g.fillRect(c * cell, r * cell, cell, cell);
                }
            }
        }
        List<RegionDensities.Region> regions = b.regions();
        g.setStroke(GRID);
        g.setLineWidth(1.2);
        RegionDensities.Region inner = regions.get(4);
        RegionDensities.Region last = regions.get(12);
        for (int cut : new int[] {inner.top(), regions.get(7).top(), regions.get(10).top(), last.bottom()}) {
            g.strokeLine(0, cut * cell, w * cell, cut * cell);
        }
        for (int cut : new int[] {inner.left(), regions.get(5).left(), regions.get(6).left(), last.right()}) {
            g.strokeLine(cut * cell, 0, cut * cell, h * cell);
        }
        g.strokeRect(0, 0, w * cell, h * cell);
        g.setFont(Font.font(Math.max(8, Math.min(12, cell * h / 5 / 2.2))));
        g.setTextAlign(TextAlignment.CENTER);
        g.setTextBaseline(VPos.CENTER);
        String[] bands = {"T", "R", "B", "L"};
        for (int k = 0; k < regions.size(); k++) {
            RegionDensities.Region r = regions.get(k);
            double cx;
            double cy;
            if (k == 1 || k == 3) { // right and left bands: label beside the middle row of the grid
                cx = (r.left() + r.right()) / 2.0 * cell;
                cy = (regions.get(7).top() + regions.get(7).bottom()) / 2.0 * cell;
            } else if (k < 4) { // top and bottom bands
                cx = (regions.get(5).left() + regions.get(5).right()) / 2.0 * cell;
                cy = (r.top() + r.bottom()) / 2.0 * cell;
            } else {
                cx = (r.left() + r.right()) / 2.0 * cell;
                cy = (r.top() + r.bottom()) / 2.0 * cell;
            }
            String text = (k < 4 ? bands[k] + "\n" : "") + String.format(Locale.ROOT, "%.1f", b.density(k));
            label(g, text, cx, cy);
        }
        outline(g, b.largest(), cell); // on top of the labels, which may cover a small region
    }

    private static void label(GraphicsContext g, String text, double x, double y) {
        g.setFill(Color.rgb(255, 255, 255, 0.7));
        double width = 4 + 6.5 * text.lines().mapToInt(String::length).max().orElse(1);
        double height = 14 * text.lines().count();
        g.fillRoundRect(x - width / 2, y - height / 2, width, height, 4, 4);
        g.setFill(Color.web("#102040"));
        g.fillText(text, x, y);
    }

    /** Strokes the borders between the region's dies and the rest. */
    private static void outline(GraphicsContext g, FailRegion region, double cell) {
        g.setStroke(OUTLINE);
        g.setLineWidth(2.5);
        for (int r = 0; r < region.rows(); r++) {
            for (int c = 0; c < region.cols(); c++) {
                if (!region.contains(r, c)) {
                    continue;
                }
                double x = c * cell;
                double y = r * cell;
                if (!region.contains(r - 1, c)) {
                    g.strokeLine(x, y, x + cell, y);
                }
                if (!region.contains(r + 1, c)) {
                    g.strokeLine(x, y + cell, x + cell, y + cell);
                }
                if (!region.contains(r, c - 1)) {
                    g.strokeLine(x, y, x, y + cell);
                }
                if (!region.contains(r, c + 1)) {
                    g.strokeLine(x + cell, y, x + cell, y + cell);
                }
            }
        }
    }

    /** The profile as a line, the resampled features (x 100, back on the profile's scale) as dots. */
    private static void plot(Canvas canvas, double[] profile, double[] resampled) {
        GraphicsContext g = canvas.getGraphicsContext2D();
        double w = canvas.getWidth();
        double h = canvas.getHeight();
        g.setFill(Color.web("#f6f7f9"));
        g.fillRect(0, 0, w, h);
        g.setStroke(Color.web("#b0b8c0"));
        g.setLineWidth(1);
        g.strokeRect(0.5, 0.5, w - 1, h - 1);
        double max = 1e-9;
        for (double v : profile) {
            max = Math.max(max, v);
        }
        for (double v : resampled) {
            max = Math.max(max, 100 * v);
        }
        double pad = 4;
        double sx = (w - 2 * pad) / Math.max(1, profile.length - 1);
        double sy = (h - 2 * pad - 10) / max;
        g.setStroke(GRID);
        g.setLineWidth(1.3);
        for (int i = 1; i < profile.length; i++) {
            g.strokeLine(pad + (i - 1) * sx, h - pad - profile[i - 1] * sy, pad + i * sx, h - pad - profile[i] * sy);
        }
        g.setFill(FAIL);
        double step = (w - 2 * pad) / Math.max(1, resampled.length - 1);
        for (int i = 0; i < resampled.length; i++) {
            g.fillOval(pad + i * step - 2, h - pad - 100 * resampled[i] * sy - 2, 4, 4);
        }
        g.setFill(Color.web("#333"));
        g.setFont(Font.font(9));
        g.setTextAlign(TextAlignment.LEFT);
        g.setTextBaseline(VPos.TOP);
        g.fillText(String.format(Locale.ROOT, "max %.1f", max), pad + 2, 2);
    }
}
