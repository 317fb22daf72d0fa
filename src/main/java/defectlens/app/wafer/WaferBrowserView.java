package defectlens.app.wafer;

import defectlens.app.look.Looks;
import defectlens.app.sem.PredictionReviewBar;
import defectlens.wafer.WaferDataset;
import defectlens.wafer.WaferMap;
import java.util.Map;
import java.util.function.Function;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import javafx.geometry.Insets;
import javafx.scene.control.Button;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.TableCell;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;

/**
 * The wafer list: a virtualised table of every wafer of the open file (811,457 rows scroll smoothly:
 * cells are made only for visible rows), class and split filters, and the count per class.
 */
public final class WaferBrowserView extends VBox {
    private final WaferViewModel vm;
    private final TableView<Integer> table = new TableView<>();
    private final ComboBox<String> classFilter = new ComboBox<>();
    private final ComboBox<String> splitFilter = new ComboBox<>();
    private final Label counts = new Label();
    private boolean resortPending;
    private boolean sorting;

    public WaferBrowserView(WaferViewModel vm) {
        this.vm = vm;
        setSpacing(6);
        setPadding(new Insets(6));
        setPrefWidth(430);
        table.setId("waferTable");
        classFilter.setId("waferClassFilter");
        splitFilter.setId("waferSplitFilter");
        table.setItems(vm.rows());
        // Columns keep the width their texts need (a constrained policy squeezed them to "Trai...", "lot472...");
        // a narrow list scrolls sideways instead.
        table.setColumnResizePolicy(TableView.UNCONSTRAINED_RESIZE_POLICY);
        table.getColumns().add(column("#", 60, i -> i));
        table.getColumns().add(column("Class", 100, i -> labelOf(map(i))));
        table.getColumns().add(column("Split", 80, i -> map(i).split().label()));
        table.getColumns().add(column("Size", 66, i -> map(i).rows() + "x" + map(i).cols()));
        table.getColumns().add(column("Fail", 56, i -> map(i).count(WaferMap.FAIL)));
        table.getColumns().add(column("Lot", 90, i -> map(i).lotName()));
        TableColumn<Integer, String> predicted = column("Predicted", 100, i -> vm.predictionsProperty().get() == null
                ? "" : vm.predictionsProperty().get().classOf(i));
        predicted.setSortable(true);
        predicted.setId("predictedColumn");
        predicted.setCellFactory(c -> new PredictedCell());
        TableColumn<Integer, Float> confidence = column("Conf.", 64, i -> vm.predictionsProperty().get() == null
                ? null : vm.predictionsProperty().get().confidenceOf(i));
        confidence.setSortable(true);
        confidence.setId("confidenceColumn");
        confidence.setCellFactory(c -> new TableCell<>() {
            @Override
            protected void updateItem(Float v, boolean empty) {
                super.updateItem(v, empty);
                setText(empty || v == null || v.isNaN() ? "" : String.format("%.2f", v));
            }
        });
        confidence.setComparator((a, b) -> Float.compare(a == null ? Float.NaN : a, b == null ? Float.NaN : b));
        table.getColumns().add(predicted);
        table.getColumns().add(confidence);
        // New predictions change the sorted columns' values: sort again so the arrow tells the truth. When the view
        // model re-orders the rows itself ("Least certain first") its order wins and the arrow goes.
        vm.predictionsProperty().addListener((o, a, b) -> {
            table.refresh();
            resortLater();
        });
        vm.leastCertainFirstProperty().addListener((o, a, on) -> {
            if (on) {
                table.getSortOrder().clear();
            }
        });
        table.getSortOrder().addListener((javafx.collections.ListChangeListener<TableColumn<Integer, ?>>) c -> {
            if (!table.getSortOrder().isEmpty()) {
                vm.leastCertainFirstProperty().set(false);
            }
        });
        vm.rows().addListener((javafx.collections.ListChangeListener<Integer>) c -> {
            while (c.next()) {
                if (!c.wasPermutated()) { // a permutation is the table's own sort
                    resortLater();
                    return;
                }
            }
        });
        VBox.setVgrow(table, Priority.ALWAYS);
        counts.setWrapText(true);
        counts.setStyle("-fx-font-size: 11px;");
        counts.getStyleClass().add(Looks.MUTED);
        Label classLabel = new Label("Class");
        Label splitLabel = new Label("Split");
        classLabel.setMinWidth(Region.USE_PREF_SIZE);
        splitLabel.setMinWidth(Region.USE_PREF_SIZE);
        HBox filters = new HBox(6, classLabel, classFilter, splitLabel, splitFilter);
        filters.setAlignment(javafx.geometry.Pos.CENTER_LEFT);
        var aids = PredictionReviewBar.reviewAids("wafer", vm.differsOnlyProperty(), vm.leastCertainFirstProperty());
        aids.disableProperty().bind(vm.predictionsProperty().isNull());
        Label cellText = new Label();
        Button allMaps = new Button("Show all");
        allMaps.setId("waferCellClear");
        allMaps.setOnAction(e -> vm.cellProperty().set(null));
        HBox cellBar = new HBox(6, cellText, allMaps);
        cellBar.setAlignment(javafx.geometry.Pos.CENTER_LEFT);
        cellBar.visibleProperty().bind(vm.cellProperty().isNotNull());
        cellBar.managedProperty().bind(cellBar.visibleProperty());
        vm.cellProperty().addListener((o, a, c) -> cellText.setText(c == null ? ""
                : "Confusion cell: true " + c[0] + ", predicted " + c[1]));
        cellText.setId("waferCellText");
        getChildren().addAll(new Label("Wafer maps"), filters, aids, cellBar, table, counts);

        classFilter.valueProperty().bindBidirectional(vm.classFilterProperty());
        splitFilter.valueProperty().bindBidirectional(vm.splitFilterProperty());
        vm.datasetProperty().addListener((o, a, d) -> showDataset(d));
        vm.rows().addListener((javafx.collections.ListChangeListener<Integer>) c -> updateCounts());
        table.getSelectionModel().selectedItemProperty().addListener((o, a, i) -> {
            if (i != null) {
                vm.selectedProperty().set(i);
            }
        });
        vm.selectedProperty().addListener((o, a, i) -> {
            Integer sel = table.getSelectionModel().getSelectedItem();
            if (i.intValue() >= 0 && (sel == null || sel != i.intValue())) {
                int row = vm.rows().indexOf(i.intValue());
                if (row >= 0) {
                    table.getSelectionModel().select(row);
                    table.scrollTo(row);
                }
            }
        });
    }

    /** Sorts the rows by the active sort columns once the current change of the rows is over. */
    private void resortLater() {
        if (!table.getSortOrder().isEmpty() && !resortPending && !sorting) {
            resortPending = true;
            javafx.application.Platform.runLater(() -> {
                resortPending = false;
                java.util.Comparator<Integer> order = table.getComparator();
                if (order != null && !sorted(table.getItems(), order)) {
                    sorting = true; // the sort's own change of the rows must not ask for another sort
                    try {
                        table.sort();
                    } finally {
                        sorting = false;
                    }
                }
            });
        }
    }

    private static boolean sorted(java.util.List<Integer> rows, java.util.Comparator<Integer> order) {
        for (int i = 1; i < rows.size(); i++) {
            if (order.compare(rows.get(i - 1), rows.get(i)) > 0) {
                return false;
            }
        }
        return true;
    }

    /** The predicted class, red and bold when it differs from the map's label (as in the SEM browser). */
    private final class PredictedCell extends TableCell<Integer, String> {
        @Override
        protected void updateItem(String v, boolean empty) {
            super.updateItem(v, empty);
            Integer row = empty || getTableRow() == null ? null : getTableRow().getItem();
            setText(empty || v == null ? "" : v);
            boolean differs = row != null && vm.differsFromLabel(row);
            setStyle(differs ? "-fx-font-weight: bold;" : "");
            Looks.choose(this, differs ? Looks.DANGER : null, Looks.TEXT_COLOURS);
        }
    }

    private WaferMap map(int i) {
        return vm.datasetProperty().get().get(i);
    }

    private static String labelOf(WaferMap m) {
        return m.isLabelled() ? m.label() : WaferViewModel.UNLABELLED;
    }

    private static <T> TableColumn<Integer, T> column(String title, double width, Function<Integer, T> value) {
        TableColumn<Integer, T> c = new TableColumn<>(title);
        c.setPrefWidth(width);
        c.setMinWidth(width);
        c.setSortable(false);
        c.setCellValueFactory(cd -> new ReadOnlyObjectWrapper<>(value.apply(cd.getValue())));
        return c;
    }

    private void showDataset(WaferDataset d) {
        ObservableList<String> classes = FXCollections.observableArrayList(WaferViewModel.ALL);
        ObservableList<String> splits = FXCollections.observableArrayList(WaferViewModel.ALL);
        if (d != null) {
            classes.addAll(d.classCounts().keySet());
            if (d.labelledCount() < d.size()) {
                classes.add(WaferViewModel.UNLABELLED);
            }
            d.splitCounts().forEach((s, n) -> {
                if (n > 0) {
                    splits.add(s.label());
                }
            });
        }
        classFilter.setItems(classes);
        splitFilter.setItems(splits);
        classFilter.setValue(WaferViewModel.ALL);
        splitFilter.setValue(WaferViewModel.ALL);
        updateCounts();
    }

    private void updateCounts() {
        WaferDataset d = vm.datasetProperty().get();
        if (d == null) {
            counts.setText("");
            return;
        }
        StringBuilder sb = new StringBuilder(vm.rows().size() + " of " + d.size() + " wafers.  ");
        for (Map.Entry<String, Integer> e : d.classCounts().entrySet()) {
            sb.append(e.getKey()).append(' ').append(e.getValue()).append("  ");
        }
        if (d.labelledCount() < d.size()) {
            sb.append("unlabelled ").append(d.size() - d.labelledCount());
        }
        counts.setText(sb.toString().trim());
    }

    public TableView<Integer> table() {
        return table;
    }
}
