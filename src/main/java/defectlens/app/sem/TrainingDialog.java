package defectlens.app.sem;

import defectlens.model.BalanceMode;
import defectlens.model.EpochReport;
import java.io.File;
import java.nio.file.Path;
import javafx.collections.ListChangeListener;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.Scene;
import javafx.scene.chart.LineChart;
import javafx.scene.chart.NumberAxis;
import javafx.scene.chart.XYChart;
import javafx.scene.control.Button;
import javafx.scene.control.ChoiceBox;
import javafx.scene.control.Label;
import javafx.scene.control.ProgressBar;
import javafx.scene.control.Spinner;
import javafx.scene.control.Tooltip;
import javafx.scene.control.TextField;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import javafx.stage.DirectoryChooser;
import javafx.stage.Modality;
import javafx.stage.Stage;
import javafx.stage.Window;
import javafx.util.StringConverter;

/**
 * The Train dialog: settings of a {@link TrainingViewModel} on the left, a live chart of training
 * loss, validation loss and validation macro F1 per epoch on the right, a progress bar with Cancel,
 * and, when a run has produced a checkpoint, a button that opens it as the window's current model.
 */
public final class TrainingDialog extends BorderPane {
    private final TrainingViewModel vm;
    private final XYChart.Series<Number, Number> trainLoss = new XYChart.Series<>();
    private final XYChart.Series<Number, Number> validationLoss = new XYChart.Series<>();
    private final XYChart.Series<Number, Number> macroF1 = new XYChart.Series<>();
    private final LineChart<Number, Number> chart;

    public TrainingDialog(TrainingViewModel vm) {
        this.vm = vm;
        setId("trainingDialog");
        setPadding(new Insets(10));
        trainLoss.setName("training loss");
        validationLoss.setName("validation loss");
        macroF1.setName("validation macro F1");
        NumberAxis epochAxis = new NumberAxis();
        epochAxis.setLabel("epoch");
        epochAxis.setForceZeroInRange(false);
        epochAxis.setMinorTickVisible(false);
        NumberAxis valueAxis = new NumberAxis();
        valueAxis.setLabel("loss / macro F1");
        chart = new LineChart<>(epochAxis, valueAxis);
        chart.setId("trainingChart");
        chart.setAnimated(false);
        chart.setCreateSymbols(true);
        chart.getData().add(trainLoss);
        chart.getData().add(validationLoss);
        chart.getData().add(macroF1);
        chart.setPrefSize(520, 360);
        vm.epochReports().addListener((ListChangeListener<EpochReport>) c -> plot());

        setLeft(settings());
        setCenter(chart);
        setBottom(controls());
        BorderPane.setMargin(chart, new Insets(0, 0, 0, 10));
    }

    /** Opens the dialog for a run on the window's data set; closing it while training cancels the run. */
    public static Stage show(Window owner, TrainingViewModel vm) {
        Stage stage = new Stage();
        stage.initOwner(owner);
        stage.initModality(Modality.NONE);
        stage.setTitle("Train an SEM model");
        TrainingDialog dialog = new TrainingDialog(vm);
        stage.setScene(new Scene(dialog));
        stage.setOnHidden(e -> vm.cancel());
        dialog.lookup("#trainClose").addEventHandler(javafx.event.ActionEvent.ACTION, e -> stage.close());
        stage.show();
        return stage;
    }

    private GridPane settings() {
        GridPane g = new GridPane();
        g.setHgap(8);
        g.setVgap(8);
        g.setPrefWidth(330);
        g.disableProperty().bind(vm.runningProperty());
        Label data = new Label(vm.dataset() == null ? "no data set open"
                : vm.dataset().name() + " (" + vm.dataset().size() + " images)");
        data.setId("trainData");
        data.setWrapText(true);
        ChoiceBox<String> architecture = new ChoiceBox<>();
        architecture.setId("trainArchitecture");
        architecture.getItems().setAll(TrainingViewModel.ARCHITECTURES);
        architecture.valueProperty().bindBidirectional(vm.architectureProperty());
        ChoiceBox<BalanceMode> balance = new ChoiceBox<>();
        balance.setId("trainBalance");
        balance.getItems().setAll(BalanceMode.values());
        balance.setConverter(new StringConverter<>() {
            @Override
            public String toString(BalanceMode m) {
                return m == null ? "" : m.key();
            }

            @Override
            public BalanceMode fromString(String s) {
                return BalanceMode.parse(s);
            }
        });
        balance.valueProperty().bindBidirectional(vm.balanceProperty());
        Spinner<Integer> epochs = new Spinner<>(1, 500, vm.epochsProperty().get());
        epochs.setId("trainEpochs");
        epochs.setEditable(true);
        epochs.valueProperty().addListener((o, a, b) -> vm.epochsProperty().set(b));
        vm.epochsProperty().addListener((o, a, b) -> epochs.getValueFactory().setValue(b.intValue()));
        TextField seed = new TextField(Long.toString(vm.seedProperty().get()));
        seed.setId("trainSeed");
        seed.textProperty().addListener((o, a, b) -> {
            try {
                vm.seedProperty().set(Long.parseLong(b.trim()));
            } catch (NumberFormatException e) {
                seed.setText(a);
            }
        });
        Spinner<Integer> crop = new Spinner<>(0, 1024, vm.cropWindowProperty().get(), 32);
        crop.setId("trainCrop");
        crop.setEditable(true);
        crop.setTooltip(new Tooltip("Native-resolution crops of this many pixels around the "
                + "defect, a sliding-window model (stride half the crop); 0 = whole images resized"));
        crop.valueProperty().addListener((o, a, b) -> vm.cropWindowProperty().set(b));
        Spinner<Double> evidence = new Spinner<>(0.0, 10.0, vm.evidenceWeightProperty().get(), 0.5);
        evidence.setId("trainEvidence");
        evidence.setEditable(true);
        evidence.setTooltip(new Tooltip("Weight of the evidence loss: asks the model to find "
                + "its class evidence on the defect's mask box (needs crops); 0 = off"));
        evidence.valueProperty().addListener((o, a, b) -> vm.evidenceWeightProperty().set(b));
        evidence.disableProperty().bind(vm.cropWindowProperty().isEqualTo(0));
        TextField output = new TextField();
        output.setId("trainOutput");
        output.setText(vm.outputProperty().get() == null ? "" : vm.outputProperty().get().toString());
        output.textProperty().addListener((o, a, b) -> vm.outputProperty().set(b.isBlank() ? null : Path.of(b.trim())));
        vm.outputProperty().addListener((o, a, b) -> {
            String text = b == null ? "" : b.toString();
            if (!text.equals(output.getText())) {
                output.setText(text);
            }
        });
        Button choose = new Button("Choose...");
        choose.setMinWidth(Region.USE_PREF_SIZE);
        choose.setOnAction(e -> chooseOutput());
        HBox outputRow = new HBox(6, output, choose);
        HBox.setHgrow(output, Priority.ALWAYS);
        int r = 0;
        g.addRow(r++, key("Data"), data);
        g.addRow(r++, key("Architecture"), architecture);
        g.addRow(r++, key("Balance"), balance);
        g.addRow(r++, key("Epochs"), epochs);
        g.addRow(r++, key("Seed"), seed);
        g.addRow(r++, key("Crop window (px)"), crop);
        g.addRow(r++, key("Evidence weight"), evidence);
        g.addRow(r, key("Output folder"), outputRow);
        return g;
    }

    /** A setting's name: its column is as wide as the longest, never cut. */
    private static Label key(String text) {
        Label l = new Label(text);
        l.setMinWidth(Region.USE_PREF_SIZE);
        return l;
    }

    private VBox controls() {
        ProgressBar bar = new ProgressBar(0);
        bar.setId("trainProgress");
        bar.setPrefWidth(260);
        bar.progressProperty().bind(vm.progressProperty());
        bar.visibleProperty().bind(vm.runningProperty());
        Label status = new Label();
        status.setId("trainStatus");
        status.setWrapText(true);
        status.textProperty().bind(vm.statusProperty());
        Button train = new Button("Train");
        train.setId("trainStart");
        // not the default button: Enter in a settings field must not start an hour of training
        train.disableProperty().bind(vm.runningProperty());
        train.setOnAction(e -> vm.start());
        Button cancel = new Button("Cancel");
        cancel.setId("trainCancel");
        cancel.disableProperty().bind(vm.runningProperty().not());
        cancel.setOnAction(e -> vm.cancel());
        Button open = new Button("Open trained model");
        open.setId("trainOpenModel");
        open.setDisable(true);
        vm.resultProperty().addListener((o, a, r) -> open.setDisable(!vm.hasTrainedModel()));
        vm.runningProperty().addListener((o, a, running) -> open.setDisable(running || !vm.hasTrainedModel()));
        open.setOnAction(e -> vm.openTrainedModel());
        Button close = new Button("Close");
        close.setId("trainClose");
        Region spring = new Region();
        HBox.setHgrow(spring, Priority.ALWAYS);
        HBox buttons = new HBox(8, bar, spring, train, cancel, open, close);
        buttons.setAlignment(Pos.CENTER_LEFT);
        VBox box = new VBox(8, status, buttons);
        box.setPadding(new Insets(10, 0, 0, 0));
        return box;
    }

    private void chooseOutput() {
        DirectoryChooser dc = new DirectoryChooser();
        dc.setTitle("Folder for the trained model bundle");
        Path current = vm.outputProperty().get();
        if (current != null && current.getParent() != null && current.getParent().toFile().isDirectory()) {
            dc.setInitialDirectory(current.getParent().toFile());
        }
        File f = dc.showDialog(getScene().getWindow());
        if (f != null) {
            vm.outputProperty().set(f.toPath());
        }
    }

    private void plot() {
        trainLoss.getData().clear();
        validationLoss.getData().clear();
        macroF1.getData().clear();
        for (EpochReport r : vm.epochReports()) {
            if (Double.isFinite(r.trainLoss())) {
                trainLoss.getData().add(new XYChart.Data<>(r.epoch(), r.trainLoss()));
            }
            if (Double.isFinite(r.validationLoss())) {
                validationLoss.getData().add(new XYChart.Data<>(r.epoch(), r.validationLoss()));
            }
            macroF1.getData().add(new XYChart.Data<>(r.epoch(), r.validationMacroF1()));
        }
    }

    /** The live chart (for tests and screenshots). */
    public LineChart<Number, Number> chart() {
        return chart;
    }
}
