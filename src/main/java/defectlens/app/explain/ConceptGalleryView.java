package defectlens.app.explain;

import defectlens.app.common.FxImages;
import defectlens.app.look.Looks;
import defectlens.explain.craft.ConceptBank;
import defectlens.explain.craft.ConceptCrops;
import defectlens.explain.craft.ConceptOverlay;
import defectlens.image.DisplayWindow;
import defectlens.image.WindowMode;
import java.io.File;
import java.util.List;
import java.util.Locale;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.ChoiceBox;
import javafx.scene.control.Label;
import javafx.scene.control.ProgressBar;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.Spinner;
import javafx.scene.image.ImageView;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import javafx.stage.DirectoryChooser;

/**
 * The CRAFT concept gallery: the class's concepts ranked by importance, each with its importance bar
 * and its most typical crops; clicking a concept shows its map over the current image, and a button
 * shows the top concepts together in distinct colours (the colours of the rows' swatches).
 */
public final class ConceptGalleryView extends BorderPane {
    private static final double CROP_SIZE = 72;

    private final ConceptGalleryViewModel vm;
    private final VBox rows = new VBox(8);

    public ConceptGalleryView(ConceptGalleryViewModel vm) {
        this.vm = vm;
        setPadding(new Insets(8));
        rows.setId("conceptRows");
        rows.setPadding(new Insets(8));
        ChoiceBox<String> cls = new ChoiceBox<>(vm.classes());
        cls.setId("galleryClass");
        cls.valueProperty().bindBidirectional(vm.classNameProperty());
        Spinner<Integer> k = new Spinner<>(2, 20, vm.conceptsProperty().get());
        k.setPrefWidth(70);
        k.valueProperty().addListener((o, a, b) -> vm.conceptsProperty().set(b));
        Button open = new Button("Open or fit");
        open.setId("galleryFit");
        open.setOnAction(e -> vm.fitOrOpen(false));
        Button refit = new Button("Refit");
        refit.setOnAction(e -> vm.fitOrOpen(true));
        Button load = new Button("Load bank folder...");
        load.setOnAction(e -> chooseBank());
        Spinner<Integer> top = new Spinner<>(1, ConceptOverlay.PALETTE.length, vm.topConceptsProperty().get());
        top.setPrefWidth(70);
        top.valueProperty().addListener((o, a, b) -> vm.topConceptsProperty().set(b));
        Button showTop = new Button("Show top concepts on the image");
        showTop.setId("galleryShowTop");
        showTop.setOnAction(e -> vm.showTopConcepts());
        Button cancel = new Button("Cancel");
        cancel.setId("galleryCancel");
        cancel.setOnAction(e -> vm.job().cancel());
        cancel.disableProperty().bind(vm.job().status().busyProperty().not());
        javafx.scene.layout.FlowPane tools = new javafx.scene.layout.FlowPane(8, 6, new Label("Class"), cls,
                new Label("Concepts"), k, open, refit, load, new Label("Top"), top, showTop);
        tools.setAlignment(Pos.CENTER_LEFT);
        ProgressBar progress = new ProgressBar();
        progress.setId("galleryProgress");
        progress.progressProperty().bind(vm.job().status().progressProperty());
        progress.visibleProperty().bind(vm.job().status().busyProperty());
        Label status = new Label();
        status.setId("galleryStatus");
        status.textProperty().bind(vm.job().status().statusProperty());
        HBox bottom = new HBox(8, progress, cancel, status);
        bottom.setAlignment(Pos.CENTER_LEFT);
        setTop(tools);
        setCenter(new ScrollPane(rows));
        setBottom(bottom);
        vm.galleryProperty().addListener((o, a, g) -> show(g));
        show(vm.galleryProperty().get());
    }

    private void chooseBank() {
        DirectoryChooser dc = new DirectoryChooser();
        dc.setTitle("Open a concept-bank folder (bank.json + concepts.npy)");
        File f = dc.showDialog(getScene().getWindow());
        if (f != null) {
            vm.load(f.toPath()); // a bad folder ends in the error dialog of the task layer
        }
    }

    private void show(ConceptGalleryViewModel.Gallery g) {
        rows.getChildren().clear();
        if (g == null) {
            rows.getChildren().add(new Label("No concepts yet: pick a class and press \"Open or fit\"."));
            return;
        }
        ConceptBank bank = g.bank();
        rows.getChildren().add(new Label(String.format(Locale.ROOT,
                "%s: %d concepts from %d crops of %d px (NMF error %.4f, %s)", bank.className(), bank.rank(),
                bank.crops(), bank.patchSize(), bank.reconstructionError(), bank.policy().describe())));
        int[] order = bank.byImportance();
        double max = 0;
        for (double v : bank.importance()) {
            max = Math.max(max, v);
        }
        for (int rank = 0; rank < order.length; rank++) {
            rows.getChildren().add(row(bank, order[rank], rank, max, g.crops().get(order[rank])));
        }
    }

    private HBox row(ConceptBank bank, int concept, int rank, double max, List<ConceptCrops.Crop> crops) {
        Region swatch = new Region();
        swatch.setMinSize(16, 16);
        String colour = rank < ConceptOverlay.PALETTE.length ? String.format("#%06X", ConceptOverlay.PALETTE[rank]) : "#cccccc";
        swatch.setStyle("-fx-background-color: " + colour + ";");
        Label name = new Label("Concept " + concept);
        name.setStyle("-fx-font-weight: bold;");
        double imp = bank.importance()[concept];
        ProgressBar bar = new ProgressBar(max > 0 ? imp / max : 0);
        bar.setPrefWidth(140);
        bar.getStyleClass().add("concept-importance");
        Label value = new Label(String.format(Locale.ROOT, "importance %.3f", imp));
        VBox left = new VBox(4, new HBox(6, swatch, name), bar, value);
        left.setMinWidth(170);
        HBox cropsBox = new HBox(4);
        for (ConceptCrops.Crop c : crops) {
            DisplayWindow w = WindowMode.MIN_MAX.windowFor(c.image());
            ImageView v = new ImageView(FxImages.toFx(w.render(c.image())));
            v.setFitWidth(CROP_SIZE);
            v.setFitHeight(CROP_SIZE);
            v.setPreserveRatio(true);
            cropsBox.getChildren().add(v);
        }
        HBox row = new HBox(12, left, cropsBox);
        row.setId("concept-" + concept);
        row.getStyleClass().add("concept-row");
        row.setAlignment(Pos.CENTER_LEFT);
        row.setPadding(new Insets(4));
        row.setStyle("-fx-cursor: hand;");
        row.getStyleClass().add(Looks.ROW);
        row.setOnMouseClicked(e -> vm.showConcept(concept));
        return row;
    }
}
