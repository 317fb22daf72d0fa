package defectlens.app.wafer;

import defectlens.app.common.FxImages;
import defectlens.app.look.Icons;
import defectlens.app.look.Looks;
import defectlens.image.ArgbImage;
import defectlens.wafer.WaferClassSet;
import java.util.List;
import javafx.beans.value.ObservableValue;
import javafx.collections.FXCollections;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ProgressBar;
import javafx.scene.control.Separator;
import javafx.scene.image.ImageView;
import javafx.scene.layout.FlowPane;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import javafx.util.StringConverter;
import org.kordamp.ikonli.feather.Feather;

/**
 * The wafer side panel: the selected map as the networks see it and its sinogram, buttons that turn
 * and flip the map, and the class probabilities of the proposed model next to the baseline's and the feature-based
 * stacking ensemble's (features + stacking, BSEML), so a user sees live that the proposed model keeps its answer
 * where the baseline wavers; below, the {@link WaferFeatureView} of the map's 59 features.
 */
public final class WaferSidePanel extends VBox {
    private static final int PICTURE = 180;
    private final WaferSideViewModel vm;
    private final GridPane probabilities = new GridPane();
    private final Label modelName = new Label();

    public WaferSidePanel(WaferSideViewModel vm, Runnable classifyAll) {
        this.vm = vm;
        setSpacing(8);
        setPadding(new Insets(8));
        setPrefWidth(450);
        setMinWidth(0); // rows wrap in a narrow panel (FlowPanes, wrapping labels) instead of scrolling sideways
        Label title = new Label("Rotation / flip check");
        title.setStyle("-fx-font-weight: bold; -fx-font-size: 14px;");
        modelName.setId("waferModelName");
        modelName.getStyleClass().add(Looks.MUTED);
        modelName.setWrapText(true);

        ImageView map = picture("sideMap");
        ImageView sino = picture("sideSinogram");
        vm.mapPictureProperty().addListener((o, a, img) -> map.setImage(img == null ? null : FxImages.toFx(img)));
        vm.sinogramPictureProperty().addListener((o, a, img) -> sino.setImage(img == null ? null : FxImages.toFx(img)));
        FlowPane pictures = new FlowPane(8, 8, captioned(map, "64 x 64 failing dies"),
                captioned(sino, "Sinogram (angle down, detector across)"));

        Button rotate = button("Turn 90\u00B0", "rotate", vm::rotate);
        Button flipH = button("Flip \u2194", "flipH", vm::flipHorizontal);
        Button flipV = button("Flip \u2195", "flipV", vm::flipVertical);
        Button reset = button("Reset", "resetTransform", vm::reset);
        Label transform = new Label();
        transform.setId("transformText");
        transform.textProperty().bind(vm.transformTextProperty());
        FlowPane buttons = new FlowPane(6, 6, rotate, flipH, flipV, reset);

        probabilities.setId("probabilities");
        probabilities.setHgap(6);
        probabilities.setVgap(3);
        Button all = Icons.on(button("Classify all", "classifyAll", classifyAll), Feather.CPU);
        Label wholeFiles = new Label();
        wholeFiles.setId("classifyAllModel");
        wholeFiles.setWrapText(true);
        wholeFiles.setMaxWidth(380);
        all.setMinWidth(Region.USE_PREF_SIZE);
        javafx.scene.control.CheckBox accurate = new javafx.scene.control.CheckBox("Accurate ensemble (slow)");
        accurate.setMinWidth(Region.USE_PREF_SIZE);
        accurate.setId("accurateClassifyAll");
        accurate.setTooltip(new javafx.scene.control.Tooltip("Classify all with the accurate ensemble. "
                + "Off: the fast student (one narrow network distilled "
                + "from the ensemble, one pass per map) classifies whole files; single maps above always use the "
                + "proposed model"));
        accurate.selectedProperty().bindBidirectional(vm.accurateClassifyAllProperty());
        Runnable sayWhich = () -> {
            wholeFiles.setText(vm.wholeFilesText());
            accurate.setDisable(vm.modelsProperty().get() == null || vm.modelsProperty().get().fast() == null);
        };
        vm.accurateClassifyAllProperty().addListener((o, a, b) -> sayWhich.run());
        vm.averageSymmetriesProperty().addListener((o, a, b) -> sayWhich.run());
        vm.modelsProperty().addListener((o, a, b) -> sayWhich.run());
        sayWhich.run();
        FlowPane allRow = new FlowPane(8, 4, all, accurate);
        allRow.setAlignment(Pos.CENTER_LEFT);
        javafx.scene.control.ChoiceBox<WaferClassSet> classSet = new javafx.scene.control.ChoiceBox<>(
                FXCollections.observableArrayList(WaferClassSet.PAPER7, WaferClassSet.ALL9));
        classSet.setId("waferClassSet");
        classSet.setConverter(new StringConverter<>() {
            @Override
            public String toString(WaferClassSet set) {
                return set == null ? "" : set == WaferClassSet.PAPER7 ? "7 defect classes (the paper's)"
                        : "all 9 classes (with none and Near-full)";
            }

            @Override
            public WaferClassSet fromString(String text) {
                return null;
            }
        });
        classSet.valueProperty().bindBidirectional(vm.classSetProperty());
        classSet.setMinWidth(Region.USE_PREF_SIZE);
        Label modelsFor = new Label("Models for");
        modelsFor.setMinWidth(Region.USE_PREF_SIZE);
        FlowPane classSetRow = new FlowPane(6, 4, modelsFor, classSet);
        classSetRow.setAlignment(Pos.CENTER_LEFT);
        javafx.scene.control.CheckBox average = new javafx.scene.control.CheckBox("Proposed: average over 8 turns / flips");
        average.setId("averageSymmetries");
        average.setWrapText(true);
        average.setTooltip(new javafx.scene.control.Tooltip("Averages the proposed model's class probabilities over the map "
                + "and its 3 rotations and 4 mirror images: the answer no longer depends on orientation; 8x the work "
                + "(also for Classify all)"));
        average.selectedProperty().bindBidirectional(vm.averageSymmetriesProperty());

        ImageView lrpSino = relevance("lrpSinogram", vm.proposedSinogramRelevanceProperty());
        ImageView lrpWafer = relevance("lrpWafer", vm.proposedWaferRelevanceProperty());
        ImageView lrpBase = relevance("lrpBaseline", vm.baselineRelevanceProperty());
        FlowPane lrp = new FlowPane(6, 6, captioned(lrpSino, "Proposed: LRP on the sinogram", 120),
                captioned(lrpWafer, "Proposed: back-projected onto the wafer", 120),
                captioned(lrpBase, "Baseline: LRP on the map", 120));
        Label lrpTitle = new Label("Why (LRP, predicted class; red = for, blue = against)");
        lrpTitle.setStyle("-fx-font-weight: bold;");
        lrpTitle.setWrapText(true);
        Label lrpText = new Label();
        lrpText.setId("lrpText");
        lrpText.setWrapText(true);

        lrpText.setStyle("-fx-font-size: 11px;");
        lrpText.getStyleClass().add(Looks.MUTED);
        lrpText.textProperty().bind(vm.lrpTextProperty());
        javafx.scene.control.Slider opacity = new javafx.scene.control.Slider(0, 1, vm.lrpOpacityProperty().get());
        opacity.setId("lrpOpacity");
        opacity.valueProperty().bindBidirectional(vm.lrpOpacityProperty());
        Label opacityLabel = new Label("Relevance opacity");
        opacityLabel.setMinWidth(Region.USE_PREF_SIZE);
        HBox opacityRow = new HBox(6, opacityLabel, opacity);
        opacityRow.setAlignment(Pos.CENTER_LEFT);

        Label stackingName = new Label();
        stackingName.setId("stackingModelName");
        stackingName.getStyleClass().add(Looks.MUTED);
        WaferFeatureViewModel features = vm.features();
        stackingName.textProperty().bind(javafx.beans.binding.Bindings.createStringBinding(() ->
                features.modelProperty().get() == null ? "Features + stacking: no BSEML model loaded (models/"
                        + WaferSideViewModel.SHIPPED_BSEML + ")"
                        : "Features + stacking: " + features.modelNameProperty().get() + " (BSEML: RF, DT, k-NN, SVM"
                        + " -> XGBoost on 59 features)", features.modelProperty(), features.modelNameProperty()));
        stackingName.setWrapText(true);
        stackingName.setMaxWidth(430);
        getChildren().addAll(title, classSetRow, modelName, stackingName, average, allRow, wholeFiles, pictures,
                buttons, transform,
                new Separator(), probabilities, new Separator(), new WaferFeatureView(features),
                new Separator(), lrpTitle, lrp, opacityRow, lrpText);
        vm.proposedProbabilitiesProperty().addListener((o, a, b) -> fillProbabilities());
        vm.baselineProbabilitiesProperty().addListener((o, a, b) -> fillProbabilities());
        features.probabilitiesProperty().addListener((o, a, b) -> fillProbabilities());
        vm.modelsProperty().addListener((o, a, m) -> {
            modelName.setText(m == null ? "No wafer models loaded" : "Models: " + m.name()
                    + (m.proposed().networkCount() > 1 ? " (ensemble of " + m.proposed().networkCount() + " networks)" : "")
                    + " vs its baseline");
            fillProbabilities();
        });
        modelName.setText("No wafer models loaded (models/wafer-proposed-* and models/wafer-baseline-*)");
        fillProbabilities();
    }

    private static ImageView picture(String id) {
        ImageView v = new ImageView();
        v.setId(id);
        v.setSmooth(false);
        v.setFitWidth(PICTURE);
        v.setFitHeight(PICTURE);
        v.setPreserveRatio(false);
        return v;
    }

    private static ImageView relevance(String id, ObservableValue<ArgbImage> picture) {
        ImageView v = new ImageView();
        v.setId(id);
        v.setSmooth(false);
        v.setFitWidth(120);
        v.setPreserveRatio(true);
        picture.addListener((o, a, img) -> v.setImage(img == null ? null : FxImages.toFx(img)));
        return v;
    }

    private static VBox captioned(ImageView v, String caption) {
        return captioned(v, caption, PICTURE);
    }

    private static VBox captioned(ImageView v, String caption, double width) {
        Label l = new Label(caption);
        l.setWrapText(true);
        l.setMaxWidth(width);
        l.setStyle("-fx-font-size: 10px;");
        l.getStyleClass().add(Looks.MUTED);
        VBox b = new VBox(2, v, l);
        b.setAlignment(Pos.TOP_CENTER);
        return b;
    }

    private static Button button(String text, String id, Runnable action) {
        Button b = new Button(text);
        b.setId(id);
        b.setOnAction(e -> action.run());
        return b;
    }

    /**
     * One row per class of the CNN pair (of the BSEML model when no pair is loaded), one column per model; a model
     * without probabilities for the shown map (not loaded, still working, another class set) shows "-".
     */
    private void fillProbabilities() {
        probabilities.getChildren().clear();
        List<String> classes = vm.classes().isEmpty() && vm.features().modelProperty().get() != null
                ? vm.features().modelProperty().get().classes() : vm.classes();
        float[] p = sized(vm.proposedProbabilitiesProperty().get(), classes);
        float[] b = sized(vm.baselineProbabilitiesProperty().get(), classes);
        float[] s = vm.features().probabilitiesFor(classes);
        if (classes.isEmpty() || (p == null && b == null && s == null)) {
            return;
        }
        probabilities.addRow(0, new Label("Class"), header("Proposed"), header("Baseline"),
                header("Features +\nstacking"));
        for (int c = 0; c < classes.size(); c++) {
            Label name = new Label(classes.get(c));
            name.setMinWidth(Region.USE_PREF_SIZE);
            probabilities.addRow(c + 1, name, cell(p, c, "p"), cell(b, c, "b"), cell(s, c, "s"));
        }
    }

    /** The probabilities when they are one per class (else those of a previous model pair: null). */
    private static float[] sized(float[] p, List<String> classes) {
        return p != null && p.length == classes.size() ? p : null;
    }

    private static Node cell(float[] p, int c, String prefix) {
        if (p == null) {
            Label none = new Label("-");
            none.setId(prefix + c);
            return none;
        }
        return bar(p[c], c == bestOf(p), prefix + c);
    }

    /** The largest probability's class, NaN (a class the model lacks) never. */
    private static int bestOf(float[] p) {
        int best = -1;
        for (int c = 0; c < p.length; c++) {
            if (!Float.isNaN(p[c]) && (best < 0 || p[c] > p[best])) {
                best = c;
            }
        }
        return best;
    }

    private static Label header(String text) {
        Label l = new Label(text);
        l.setStyle("-fx-font-weight: bold;");
        return l;
    }

    private static HBox bar(float value, boolean best, String id) {
        ProgressBar bar = new ProgressBar(Float.isNaN(value) ? 0 : value);
        bar.setPrefWidth(48);
        bar.setMinWidth(20); // the bar gives way in a narrow panel, the per cent never
        bar.setStyle(best ? "-fx-accent: #d9534f;" : "-fx-accent: #7a8a99;");
        Label l = new Label(Float.isNaN(value) ? "n/a" : String.format("%.1f %%", value * 100));
        l.setId(id);
        l.setMinWidth(Region.USE_PREF_SIZE);
        l.setStyle(best ? "-fx-font-weight: bold;" : "");
        HBox h = new HBox(4, bar, l);
        h.setAlignment(Pos.CENTER_LEFT);
        return h;
    }

}
