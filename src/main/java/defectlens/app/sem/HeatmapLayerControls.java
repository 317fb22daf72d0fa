package defectlens.app.sem;

import defectlens.app.common.FxImages;
import defectlens.app.common.OverlayLayerModel;
import defectlens.app.look.Looks;
import defectlens.explain.HeatmapOverlay;
import defectlens.explain.craft.ConceptOverlay;
import defectlens.image.Colormap;
import javafx.geometry.Pos;
import javafx.scene.control.CheckBox;
import javafx.scene.control.ChoiceBox;
import javafx.scene.control.Label;
import javafx.scene.control.Slider;
import javafx.scene.image.ImageView;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;

/**
 * The right-panel controls of one heatmap layer: colormap with its legend, threshold slider (values
 * below it are transparent, or the iso-line in contour mode) and the contour toggle; a degenerate
 * map shows its warning here. For a CRAFT concept overlay: the concepts' colour legend.
 */
public final class HeatmapLayerControls extends VBox {
    private static final int LEGEND_WIDTH = 200;

    public HeatmapLayerControls(OverlayLayerModel layer) {
        setSpacing(4);
        if (layer.getLayer() instanceof HeatmapOverlay h) {
            heatmapControls(layer, h);
        } else if (layer.getLayer() instanceof ConceptOverlay c) {
            conceptLegend(c);
        }
    }

    private void heatmapControls(OverlayLayerModel layer, HeatmapOverlay start) {
        ChoiceBox<Colormap> colormap = new ChoiceBox<>();
        colormap.setId("heatmapColormap");
        colormap.getItems().setAll(Colormap.values());
        colormap.setValue(start.colormap());
        ImageView legend = new ImageView(FxImages.toFx(start.colormap().legend(LEGEND_WIDTH, 12)));
        legend.setId("heatmapLegend");
        BorderPane ends = new BorderPane();
        ends.setLeft(new Label("0 (low)"));
        ends.setRight(new Label("1 (high)"));
        ends.setMaxWidth(LEGEND_WIDTH);
        Slider threshold = new Slider(0, 1, start.threshold());
        threshold.setId("heatmapThreshold");
        threshold.setShowTickLabels(true);
        threshold.setMajorTickUnit(0.25);
        Label thresholdValue = new Label();
        thresholdValue.textProperty().bind(threshold.valueProperty().asString("Threshold %.2f"));
        CheckBox contour = new CheckBox("Contour at the threshold");
        contour.setId("heatmapContour");
        contour.setSelected(start.mode() == HeatmapOverlay.Mode.CONTOUR);
        Runnable rerender = () -> {
            HeatmapOverlay now = (HeatmapOverlay) layer.getLayer();
            layer.setLayer(now.withColormap(colormap.getValue()).withThreshold(threshold.getValue())
                    .withMode(contour.isSelected() ? HeatmapOverlay.Mode.CONTOUR : HeatmapOverlay.Mode.FILL));
        };
        colormap.valueProperty().addListener((o, a, c) -> {
            legend.setImage(FxImages.toFx(c.legend(LEGEND_WIDTH, 12)));
            rerender.run();
        });
        threshold.valueProperty().addListener((o, a, b) -> rerender.run());
        contour.selectedProperty().addListener((o, a, b) -> rerender.run());
        if (start.heatmap().isDegenerate()) {
            Label warning = new Label("\u26a0 Degenerate map: " + start.heatmap().degenerateReason().orElse("")
                    + ". Nothing is drawn.");
            warning.setId("heatmapWarning");
            warning.setWrapText(true);
            warning.setMaxWidth(LEGEND_WIDTH + 40);
            warning.setStyle("-fx-font-weight: bold;");
            warning.getStyleClass().add(Looks.DANGER);
            getChildren().add(warning);
        }
        getChildren().addAll(new Label("Colormap"), colormap, legend, ends, thresholdValue, threshold, contour);
    }

    private void conceptLegend(ConceptOverlay c) {
        int[] shown = c.shown();
        int[] colours = c.colours();
        for (int i = 0; i < shown.length; i++) {
            Region swatch = new Region();
            swatch.setMinSize(14, 14);
            swatch.setStyle(String.format("-fx-background-color: #%06X;", colours[i]));
            HBox row = new HBox(6, swatch, new Label("concept " + shown[i]));
            row.setAlignment(Pos.CENTER_LEFT);
            getChildren().add(row);
        }
    }
}
