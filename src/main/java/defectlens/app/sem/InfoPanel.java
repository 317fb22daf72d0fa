package defectlens.app.sem;

import defectlens.app.common.LoadedImage;
import defectlens.app.common.MainViewModel;
import defectlens.app.common.OverlayLayerModel;
import defectlens.app.look.Looks;
import defectlens.app.common.OverlayStack;
import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.Tooltip;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyEvent;
import javafx.scene.layout.HBox;
import defectlens.image.MaskOverlay;
import defectlens.image.WindowMode;
import javafx.geometry.Insets;
import javafx.scene.control.CheckBox;
import javafx.scene.control.ChoiceBox;
import javafx.scene.control.Label;
import javafx.scene.control.Separator;
import javafx.scene.control.Slider;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;

/**
 * The right-hand panel: facts about the shown image (file, size, bit depth, class, mask), the display
 * window, and the overlay layers (top first) with their visibility toggles and opacity sliders; heatmap and
 * concept layers move up or down under the mask and are removed with a button or the Delete key.
 */
public final class InfoPanel extends VBox {
    private final GridPane facts = new GridPane();
    private final VBox layersBox = new VBox(8);
    private final MainViewModel vm;

    public InfoPanel(MainViewModel vm) {
        this.vm = vm;
        setSpacing(8);
        setPadding(new Insets(8));
        setPrefWidth(280);
        facts.setHgap(8);
        facts.setVgap(4);
        Label title = new Label("Image");
        title.setStyle("-fx-font-weight: bold;");
        ChoiceBox<WindowMode> window = new ChoiceBox<>();
        window.setId("windowMode");
        window.getItems().setAll(WindowMode.values());
        window.valueProperty().bindBidirectional(vm.windowModeProperty());
        Label layersTitle = new Label("Overlay layers");
        layersTitle.setStyle("-fx-font-weight: bold;");
        getChildren().addAll(title, facts, new Separator(), new Label("Display window"), window, new Separator(),
                layersTitle, layersBox);
        vm.imageProperty().addListener((o, a, img) -> showFacts(img));
        vm.layers().addListener((javafx.collections.ListChangeListener<OverlayLayerModel>) c -> showLayers());
        showFacts(null);
        showLayers();
    }

    private void showFacts(LoadedImage img) {
        facts.getChildren().clear();
        if (img == null) {
            facts.addRow(0, new Label("No image open"));
            return;
        }
        int r = 0;
        addFact(r++, "File", img.sample().fileName(), "infoFile");
        addFact(r++, "Folder", String.valueOf(img.sample().image().getParent()), "infoFolder");
        addFact(r++, "Size", img.raster().width() + " x " + img.raster().height() + " px", "infoSize");
        addFact(r++, "Bit depth", img.raster().bitDepth() + "-bit", "infoDepth");
        addFact(r++, "Channels", img.raster().channels() == 1 ? "gray" : img.raster().channels() == 3 ? "RGB" : "RGBA", "infoChannels");
        addFact(r++, "Class", img.sample().label() == null ? "unlabelled" : img.sample().label(), "infoClass");
        String mask = img.mask() == null ? "no" : "yes (" + img.mask().area() + " px defect)";
        addFact(r++, "Mask", mask, "infoMask");
        addFact(r, "Window", img.window().low() + " .. " + img.window().high(), "infoWindow");
    }

    private void addFact(int row, String key, String value, String id) {
        Label k = new Label(key);
        k.getStyleClass().add(Looks.MUTED);
        k.setMinWidth(Region.USE_PREF_SIZE);
        Label v = new Label(value);
        v.setId(id);
        v.setWrapText(true);
        v.setMaxWidth(190);
        facts.addRow(row, k, v);
    }

    /** Up, down (drawing order among the heatmaps, under the mask) and remove, for one layer. */
    private static HBox arrangeButtons(OverlayStack stack, OverlayLayerModel m) {
        Button up = new Button("\u25B2");
        up.setId("layerUp");
        up.setTooltip(new Tooltip("Move up: drawn above the layer listed above it (masks stay on top)"));
        up.setDisable(!stack.canMoveUp(m));
        up.setOnAction(e -> stack.moveUp(m));
        Button down = new Button("\u25BC");
        down.setId("layerDown");
        down.setTooltip(new Tooltip("Move down"));
        down.setDisable(!stack.canMoveDown(m));
        down.setOnAction(e -> stack.moveDown(m));
        Button remove = new Button("Remove");
        remove.setId("layerRemove");
        remove.setTooltip(new Tooltip("Remove this layer (Delete)"));
        remove.setOnAction(e -> stack.remove(m));
        HBox row = new HBox(4, up, down, remove);
        row.setAlignment(Pos.CENTER_LEFT);
        return row;
    }

    private void showLayers() {
        layersBox.getChildren().clear();
        if (vm.layers().isEmpty()) {
            layersBox.getChildren().add(new Label("none (this image has no mask)"));
            return;
        }
        OverlayStack stack = vm.overlays();
        // top layer first, as it is drawn (the masks always on top)
        for (int i = vm.layers().size() - 1; i >= 0; i--) {
            OverlayLayerModel m = vm.layers().get(i);
            CheckBox visible = new CheckBox(m.name());
            visible.setId("layerVisible");
            visible.setWrapText(true);
            visible.setMnemonicParsing(false);
            visible.selectedProperty().bindBidirectional(m.visibleProperty());
            Slider opacity = new Slider(0, 1, m.opacityProperty().get());
            opacity.setId("layerOpacity");
            opacity.valueProperty().bindBidirectional(m.opacityProperty());
            VBox box = new VBox(4, visible, new Label("Opacity"), opacity);
            if (m.getLayer() instanceof MaskOverlay) {
                ChoiceBox<MaskOverlay.Style> style = new ChoiceBox<>();
                style.setId("maskStyle");
                style.getItems().setAll(MaskOverlay.Style.values());
                style.valueProperty().bindBidirectional(vm.maskStyleProperty());
                box.getChildren().addAll(new Label("Draw as"), style);
            }
            if (!m.isMask()) {
                box.getChildren().add(1, arrangeButtons(stack, m));
                // Delete (or Backspace) removes the layer whose controls have the focus
                box.addEventHandler(KeyEvent.KEY_PRESSED, e -> {
                    if ((e.getCode() == KeyCode.DELETE || e.getCode() == KeyCode.BACK_SPACE)
                            && !(e.getTarget() instanceof javafx.scene.control.TextInputControl)) {
                        stack.remove(m);
                        e.consume();
                    }
                });
            }
            box.getChildren().add(new HeatmapLayerControls(m));
            layersBox.getChildren().add(box);
        }
    }
}
