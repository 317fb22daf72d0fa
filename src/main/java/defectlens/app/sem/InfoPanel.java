package defectlens.app.sem;

import defectlens.app.common.LoadedImage;
import defectlens.app.common.MainViewModel;
import defectlens.app.common.OverlayLayerModel;
import defectlens.app.look.Looks;
import defectlens.image.MaskOverlay;
import defectlens.image.WindowMode;
import javafx.geometry.Insets;
import javafx.scene.control.CheckBox;
import javafx.scene.control.ChoiceBox;
import javafx.scene.control.Label;
import javafx.scene.control.Separator;
import javafx.scene.control.Slider;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.VBox;

/**
 * The right-hand panel: facts about the shown image (file, size, bit depth, class, mask), the display
 * window, and the overlay layers with their visibility toggles and opacity sliders.
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
        Label v = new Label(value);
        v.setId(id);
        v.setWrapText(true);
        v.setMaxWidth(190);
        facts.addRow(row, k, v);
    }

    private void showLayers() {
        layersBox.getChildren().clear();
        if (vm.layers().isEmpty()) {
            layersBox.getChildren().add(new Label("none (this image has no mask)"));
            return;
        }
        for (OverlayLayerModel m : vm.layers()) {
            CheckBox visible = new CheckBox(m.name());
            visible.setId("layerVisible");
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
            box.getChildren().add(new HeatmapLayerControls(m));
            layersBox.getChildren().add(box);
        }
    }
}
