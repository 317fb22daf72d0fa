package defectlens.app.explain;

import defectlens.app.common.Dialogs;
import defectlens.app.look.Looks;
import defectlens.image.ArgbImage;
import defectlens.image.Colormap;
import defectlens.image.ArgbImageWriter;
import java.io.File;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import javafx.collections.ListChangeListener;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.SnapshotParameters;
import javafx.scene.control.Button;
import javafx.scene.control.CheckBox;
import javafx.scene.control.ChoiceBox;
import javafx.scene.control.ComboBox;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.Spinner;
import javafx.scene.control.Label;
import javafx.scene.control.ProgressBar;
import javafx.scene.control.Slider;
import javafx.scene.image.PixelFormat;
import javafx.scene.image.WritableImage;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.FlowPane;
import javafx.scene.layout.HBox;
import javafx.scene.paint.Color;
import javafx.stage.FileChooser;

/**
 * The compare view: original | GradCAM | CRAFT | ground-truth mask (and any method the user adds)
 * side by side with one shared zoom and pan, wrapping onto more lines and scrolling when there are many; the
 * viewer's colormap, threshold, scale and colour legend ({@link ColourLegend}) drive every pane's map and its
 * agreement figures; export of the panes as one PNG (snapshot to pixels to OpenCV).
 */
public final class CompareView extends BorderPane {
    private static final double PANE_SIZE = 300;

    private final CompareViewModel vm;
    private final LinkedViewerTransform linked = new LinkedViewerTransform();
    private final FlowPane row = new FlowPane(10, 10);
    private final List<ComparePane> panes = new ArrayList<>();

    public CompareView(CompareViewModel vm) {
        this.vm = vm;
        setPadding(new Insets(8));
        row.setId("compareRow");
        row.setPadding(new Insets(8));
        row.getStyleClass().add(Looks.PAPER);
        Slider threshold = new Slider(0, 1, vm.thresholdProperty().get());
        threshold.setId("compareThreshold");
        threshold.valueProperty().bindBidirectional(vm.thresholdProperty());
        Label thresholdValue = new Label();
        thresholdValue.textProperty().bind(vm.thresholdProperty().asString("threshold %.2f"));
        ComboBox<String> add = new ComboBox<>();
        add.setId("compareAddMethod");
        add.setEditable(true);
        add.setPromptText("add a method");
        add.getItems().setAll(ExplanationViewModel.METHODS);
        Button addButton = new Button("Add");
        addButton.setOnAction(e -> {
            String m = add.getEditor().getText() == null || add.getEditor().getText().isBlank() ? add.getValue()
                    : add.getEditor().getText().trim();
            if (m != null && !m.isBlank() && !vm.methods().contains(m)) {
                vm.methods().add(m);
                vm.refresh();
            }
        });
        Button refresh = new Button("Recompute for the shown image");
        refresh.setId("compareRefresh");
        refresh.setOnAction(e -> vm.refresh());
        Button fit = new Button("Fit");
        fit.setOnAction(e -> fit());
        Button export = new Button("Export PNG...");
        export.setId("compareExport");
        export.setOnAction(e -> chooseExport());
        Button cancel = new Button("Cancel");
        cancel.setOnAction(e -> vm.job().cancel());
        cancel.disableProperty().bind(vm.job().status().busyProperty().not());
        ExplanationViewModel shared = vm.explanations();
        ChoiceBox<Colormap> colormap = new ChoiceBox<>();
        colormap.setId("compareColormap");
        colormap.getItems().setAll(Colormap.values());
        colormap.valueProperty().bindBidirectional(shared.colormapProperty());
        CheckBox absolute = new CheckBox("absolute scale, top");
        absolute.setId("compareAbsolute");
        absolute.selectedProperty().bindBidirectional(shared.absoluteScaleProperty());
        Spinner<Double> top = new Spinner<>(1e-6, 1e6, shared.scaleTopProperty().get(), 0.1);
        top.setId("compareScaleTop");
        top.setEditable(true);
        top.setPrefWidth(90);
        top.valueProperty().addListener((o, a, b) -> shared.scaleTopProperty().set(b));
        top.disableProperty().bind(absolute.selectedProperty().not());
        FlowPane tools = new FlowPane(8, 6, new Label("Threshold"), threshold, thresholdValue, colormap, absolute, top,
                new ColourLegend(shared), add, addButton, refresh, fit, export);
        tools.setAlignment(Pos.CENTER_LEFT);
        ProgressBar progress = new ProgressBar();
        progress.progressProperty().bind(vm.job().status().progressProperty());
        progress.visibleProperty().bind(vm.job().status().busyProperty());
        Label status = new Label();
        status.setId("compareStatus");
        status.textProperty().bind(vm.job().status().statusProperty());
        HBox bottom = new HBox(8, progress, cancel, status);
        bottom.setAlignment(Pos.CENTER_LEFT);
        setTop(tools);
        ScrollPane scroll = new ScrollPane(row);
        scroll.setId("compareScroll");
        scroll.setFitToWidth(true);
        scroll.getStyleClass().add(Looks.PAPER);
        setCenter(scroll);
        setBottom(bottom);
        vm.panels().addListener((ListChangeListener<CompareViewModel.Panel>) c -> rebuild());
        rebuild();
    }

    private void rebuild() {
        boolean first = panes.isEmpty();
        panes.clear();
        row.getChildren().clear();
        for (CompareViewModel.Panel p : vm.panels()) {
            ComparePane pane = new ComparePane(p, vm.agreement(p), linked, PANE_SIZE);
            panes.add(pane);
            row.getChildren().add(pane);
        }
        if (first && !panes.isEmpty()) {
            fit();
        }
    }

    /** Fits the image into the panes (all of them, as they share one transform). */
    public void fit() {
        if (!vm.panels().isEmpty()) {
            ArgbImage b = vm.panels().get(0).base();
            linked.fit(PANE_SIZE, PANE_SIZE, b.width(), b.height());
        }
    }

    private void chooseExport() {
        FileChooser fc = new FileChooser();
        fc.setTitle("Export the comparison as PNG");
        fc.getExtensionFilters().add(new FileChooser.ExtensionFilter("PNG", "*.png"));
        fc.setInitialFileName("compare.png");
        File f = fc.showSaveDialog(getScene().getWindow());
        if (f != null) {
            try {
                exportPng(f.toPath());
            } catch (RuntimeException e) {
                vm.job().status().statusProperty().set("Export failed: " + e.getMessage());
                Dialogs.showError(getScene().getWindow(), "Cannot export " + f.getName(), e);
            }
        }
    }

    /** Writes the row of panes as one PNG (FX thread); returns the picture written. */
    public ArgbImage exportPng(Path file) {
        SnapshotParameters params = new SnapshotParameters();
        params.setFill(Color.WHITE);
        WritableImage snap = row.snapshot(params, null);
        int w = (int) snap.getWidth();
        int h = (int) snap.getHeight();
        int[] px = new int[w * h];
        snap.getPixelReader().getPixels(0, 0, w, h, PixelFormat.getIntArgbInstance(), px, 0, w);
        ArgbImage img = new ArgbImage(w, h, px);
        ArgbImageWriter.write(img, file, 0xFFFFFF);
        vm.job().status().statusProperty().set("Exported " + file.getFileName() + " (" + w + " x " + h + " px)");
        return img;
    }

    public LinkedViewerTransform linked() {
        return linked;
    }

    public List<ComparePane> panes() {
        return List.copyOf(panes);
    }

    /** The panes, wrapping onto new lines when the window is narrower than all of them. */
    public FlowPane row() {
        return row;
    }
}
