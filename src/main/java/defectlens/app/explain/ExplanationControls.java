package defectlens.app.explain;

import defectlens.app.common.LoadedModel;
import defectlens.app.look.Icons;
import defectlens.app.look.Looks;
import javafx.geometry.Insets;
import javafx.scene.control.Button;
import javafx.scene.control.CheckBox;
import javafx.scene.control.ChoiceBox;
import javafx.scene.control.Label;
import javafx.scene.control.ProgressBar;
import javafx.scene.layout.HBox;
import javafx.scene.layout.VBox;
import org.kordamp.ikonli.feather.Feather;

/**
 * The "Explain" section of the right panel: method, test-time augmentation, Explain / Cancel, the
 * auto toggle (recompute on a new image), progress and the last warning; buttons open the compare
 * view and the concept gallery.
 */
public final class ExplanationControls extends VBox {
    public ExplanationControls(ExplanationViewModel vm, Runnable openCompare, Runnable openGallery) {
        setSpacing(6);
        setPadding(new Insets(8));
        Label title = new Label("Explain");
        title.setStyle("-fx-font-weight: bold;");
        ChoiceBox<String> method = new ChoiceBox<>();
        method.setId("explainMethod");
        method.getItems().setAll(ExplanationViewModel.METHODS);
        method.valueProperty().bindBidirectional(vm.methodProperty());
        ChoiceBox<String> target = new ChoiceBox<>();
        target.setId("explainTarget");
        Runnable fillTargets = () -> {
            String keep = vm.targetProperty().get();
            target.getItems().setAll(ExplanationViewModel.PREDICTED, ExplanationViewModel.LABELLED);
            LoadedModel m = vm.main().modelProperty().get();
            if (m != null) {
                target.getItems().addAll(m.classifier().classes());
            }
            target.setValue(target.getItems().contains(keep) ? keep : ExplanationViewModel.PREDICTED);
        };
        fillTargets.run();
        vm.main().modelProperty().addListener((o, a, b) -> fillTargets.run());
        target.valueProperty().addListener((o, a, b) -> {
            if (b != null) {
                vm.targetProperty().set(b);
            }
        });
        ChoiceBox<String> layer = new ChoiceBox<>();
        layer.setId("explainLayer");
        Label layerInfo = new Label();
        layerInfo.setId("explainLayerInfo");
        layerInfo.setWrapText(true);
        layerInfo.setMaxWidth(260);
        Runnable fillLayers = () -> {
            layer.getItems().setAll(vm.layerChoices());
            layer.setValue(vm.layerProperty().get());
            layerInfo.setText(vm.layerDescription());
        };
        fillLayers.run();
        vm.main().modelProperty().addListener((o, a, b) -> fillLayers.run());
        layer.valueProperty().addListener((o, a, b) -> {
            if (b != null) {
                vm.layerProperty().set(b);
                layerInfo.setText(vm.layerDescription());
            }
        });
        CheckBox tta = new CheckBox("+ test-time augmentation (flips, rotations)");
        tta.setId("explainTta");
        tta.setWrapText(true);
        tta.selectedProperty().bindBidirectional(vm.ttaProperty());
        tta.disableProperty().bind(vm.methodProperty().isEqualTo("craft"));
        Button explain = Icons.on(new Button("Explain"), Feather.EYE);
        explain.setId("explainButton");
        explain.setOnAction(e -> vm.explain());
        explain.disableProperty().bind(vm.job().status().busyProperty());
        Button cancel = new Button("Cancel");
        cancel.setId("explainCancel");
        cancel.setOnAction(e -> vm.cancel());
        cancel.disableProperty().bind(vm.job().status().busyProperty().not());
        CheckBox auto = new CheckBox("Recompute on image change");
        auto.setId("explainAuto");
        auto.selectedProperty().bindBidirectional(vm.autoProperty());
        ProgressBar progress = new ProgressBar();
        progress.setId("explainProgress");
        progress.setMaxWidth(Double.MAX_VALUE);
        progress.progressProperty().bind(vm.job().status().progressProperty());
        progress.visibleProperty().bind(vm.job().status().busyProperty());
        Label status = new Label();
        status.setId("explainStatus");
        status.setWrapText(true);
        status.setMaxWidth(260);
        status.textProperty().bind(vm.job().status().statusProperty());
        Label warning = new Label();
        warning.setId("explainWarning");
        warning.setWrapText(true);
        warning.setMaxWidth(260);
        warning.setStyle("-fx-font-weight: bold;");
        warning.getStyleClass().add(Looks.DANGER);
        warning.textProperty().bind(vm.warningProperty());
        warning.visibleProperty().bind(vm.warningProperty().isNotEmpty());
        warning.managedProperty().bind(warning.visibleProperty());
        Button compare = new Button("Compare view...");
        compare.setId("openCompare");
        compare.setOnAction(e -> openCompare.run());
        Button gallery = new Button("Concept gallery...");
        gallery.setId("openGallery");
        gallery.setOnAction(e -> openGallery.run());
        getChildren().addAll(title, method, new Label("Class to explain"), target,
                new Label("Layer"), layer, layerInfo, new ColourLegend(vm), tta, new HBox(6, explain, cancel), auto, progress, status, warning,
                new HBox(6, compare, gallery));
    }
}
