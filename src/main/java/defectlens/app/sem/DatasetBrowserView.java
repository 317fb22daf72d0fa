package defectlens.app.sem;

import defectlens.app.common.MainViewModel;
import defectlens.app.look.Looks;
import defectlens.dataset.SemDataset;
import defectlens.dataset.SemSample;
import java.util.Locale;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import javafx.collections.transformation.FilteredList;
import javafx.geometry.Insets;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.ListView;
import javafx.scene.control.TextField;
import javafx.scene.image.Image;
import javafx.scene.image.ImageView;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;

/**
 * The data-set browser: a list of images with thumbnails, a class filter, search by file name and
 * keyboard up/down. Selecting a row shows the image.
 */
public final class DatasetBrowserView extends VBox {
    static final String ALL_CLASSES = "All classes";
    private final ObservableList<SemSample> samples = FXCollections.observableArrayList();
    private final FilteredList<SemSample> filtered = new FilteredList<>(samples, s -> true);
    private final ComboBox<String> classFilter = new ComboBox<>();
    private final TextField search = new TextField();
    private final javafx.collections.transformation.SortedList<SemSample> sorted =
            new javafx.collections.transformation.SortedList<>(filtered);
    private final ListView<SemSample> list = new ListView<>(sorted);
    private final Label count = new Label();
    private final ThumbnailCache thumbnails;
    private final MainViewModel vm;
    private ClassificationViewModel predictions;

    public DatasetBrowserView(MainViewModel vm, ThumbnailCache thumbnails) {
        this.thumbnails = thumbnails;
        this.vm = vm;
        setSpacing(6);
        setPadding(new Insets(6));
        setPrefWidth(270);
        classFilter.setId("classFilter");
        classFilter.setMaxWidth(Double.MAX_VALUE);
        search.setId("search");
        search.setPromptText("Search file name");
        list.setId("browserList");
        list.setCellFactory(v -> new SampleCell());
        VBox.setVgrow(list, Priority.ALWAYS);
        count.getStyleClass().add(Looks.MUTED);
        getChildren().addAll(new Label("Data set"), classFilter, search, list, count);

        vm.datasetProperty().addListener((o, a, d) -> showDataset(d));
        classFilter.valueProperty().addListener((o, a, b) -> refilter());
        search.textProperty().addListener((o, a, b) -> refilter());
        list.getSelectionModel().selectedItemProperty().addListener((o, a, s) -> {
            if (s != null && s != vm.selectedProperty().get()) {
                vm.select(s);
            }
        });
        vm.selectedProperty().addListener((o, a, s) -> {
            if (s != null && list.getSelectionModel().getSelectedItem() != s) {
                list.getSelectionModel().select(s);
                list.scrollTo(s);
            }
        });
        filtered.addListener((javafx.collections.ListChangeListener<SemSample>) c -> updateCount());
    }

    private void showDataset(SemDataset d) {
        samples.setAll(d == null ? java.util.List.of() : d.samples());
        ObservableList<String> classes = FXCollections.observableArrayList(ALL_CLASSES);
        if (d != null) {
            d.classCounts().forEach((name, n) -> classes.add(name));
        }
        classFilter.setItems(classes);
        classFilter.setValue(ALL_CLASSES);
        search.clear();
        updateCount();
    }

    /** Shows each row's predicted class and confidence, with the review filter and order of {@code c}. */
    public void showPredictions(ClassificationViewModel c) {
        this.predictions = c;
        getChildren().add(getChildren().indexOf(list), new PredictionReviewBar(c));
        sorted.comparatorProperty().bind(c.orderProperty());
        c.filterProperty().addListener((o, a, b) -> refilter());
        c.revisionProperty().addListener((o, a, b) -> list.refresh());
        // re-filtering and re-sorting as predictions arrive must not lose the highlighted row
        sorted.addListener((javafx.collections.ListChangeListener<SemSample>) ch ->
                vm.executor().later(this::keepSelection));
    }

    private void keepSelection() {
        SemSample s = vm.selectedProperty().get();
        if (s != null && list.getSelectionModel().getSelectedItem() != s && sorted.contains(s)) {
            list.getSelectionModel().select(s);
        }
    }

    private void refilter() {
        String cls = classFilter.getValue();
        String text = search.getText() == null ? "" : search.getText().trim().toLowerCase(Locale.ROOT);
        filtered.setPredicate(s -> (cls == null || cls.equals(ALL_CLASSES) || cls.equals(s.label()))
                && (text.isEmpty() || s.fileName().toLowerCase(Locale.ROOT).contains(text))
                && (predictions == null || predictions.filterProperty().get().test(s)));
    }

    private void updateCount() {
        count.setText(filtered.size() + " of " + samples.size() + " images");
    }

    public ListView<SemSample> list() {
        return list;
    }

    /** One row: thumbnail, file name, class. The thumbnail arrives later when it is not cached. */
    private final class SampleCell extends ListCell<SemSample> {
        private final ImageView thumb = new ImageView();
        private final Label name = new Label();
        private final Label cls = new Label();
        private final Label predicted = new Label();
        private final HBox row = new HBox(8, thumb, new VBox(2, name, cls, predicted));

        SampleCell() {
            thumb.setFitWidth(ThumbnailCache.SIZE);
            thumb.setFitHeight(ThumbnailCache.SIZE);
            thumb.setPreserveRatio(true);
            cls.setStyle("-fx-font-size: 11px;");
            cls.getStyleClass().add(Looks.MUTED);
        }

        @Override
        protected void updateItem(SemSample s, boolean empty) {
            super.updateItem(s, empty);
            if (empty || s == null) {
                setGraphic(null);
                setText(null);
                return;
            }
            name.setText(s.fileName());
            cls.setText((s.label() == null ? "unlabelled" : s.label()) + (s.mask() != null ? "  \u25CF mask" : ""));
            PredictionCells.show(predicted, predictions, s);
            Image img = thumbnails.get(s, ready -> {
                if (getItem() == s) {
                    thumb.setImage(ready);
                }
            });
            thumb.setImage(img);
            setGraphic(row);
            setText(null);
        }
    }
}
