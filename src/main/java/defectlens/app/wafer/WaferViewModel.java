package defectlens.app.wafer;

import defectlens.app.review.ConfusionMatrixViewModel;
import defectlens.app.review.IntList;
import defectlens.review.RowOrder;
import defectlens.app.task.BackgroundTask;
import defectlens.app.task.JobStatus;
import defectlens.app.task.TaskExecutor;
import defectlens.app.task.TaskSlot;
import defectlens.review.DatasetPredictions;
import defectlens.review.PredictionRun;
import defectlens.review.PredictionTable;
import defectlens.wafer.InvalidRowSummary;
import defectlens.wafer.InvalidRows;
import defectlens.wafer.WaferDataset;
import defectlens.wafer.WaferMap;
import defectlens.wafer.WaferModel;
import defectlens.wafer.WaferPickleReader;
import defectlens.wafer.WaferPredictions;
import java.nio.file.Path;
import java.util.Arrays;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.DoubleProperty;
import javafx.beans.property.IntegerProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleIntegerProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

/**
 * State of the wafer-map browser: the open file, the filtered row indices (an int array, so 811,457
 * rows cost 3 MB, not a list of objects), class and split filters, the selected wafer, and loading
 * with real progress and cancel. Once the maps are classified, the review aids of the SEM browser: keep
 * only the maps whose prediction differs from their label, and order the list least certain first.
 */
public final class WaferViewModel {
    public static final String ALL = "All";
    public static final String UNLABELLED = "(unlabelled)";
    private final TaskExecutor executor;
    private final ObjectProperty<WaferDataset> dataset = new SimpleObjectProperty<>();
    private final ObservableList<Integer> rows = FXCollections.observableArrayList();
    private final ObjectProperty<String> classFilter = new SimpleObjectProperty<>(ALL);
    private final ObjectProperty<String> splitFilter = new SimpleObjectProperty<>(ALL);
    private final IntegerProperty selected = new SimpleIntegerProperty(-1);
    private final BooleanProperty differsOnly = new SimpleBooleanProperty(false);
    private final BooleanProperty leastCertainFirst = new SimpleBooleanProperty(false);
    private final ObjectProperty<String[]> cell = new SimpleObjectProperty<>();
    private final ConfusionMatrixViewModel confusion = new ConfusionMatrixViewModel();
    /** Per row: the label's index among the predictions' classes, -1 when unlabelled or not among them. */
    private int[] truth = new int[0];
    private final JobStatus job = new JobStatus("");
    private final StringProperty status = job.statusProperty();
    private final ObjectProperty<WaferPredictions> predictions = new SimpleObjectProperty<>();
    private final WaferSideViewModel side;
    private final TaskSlot loading;
    private final TaskSlot restoring;
    private BackgroundTask<WaferPredictions> classifying;

    public WaferViewModel(TaskExecutor executor) {
        this.executor = executor;
        this.loading = new TaskSlot(executor, job);
        this.restoring = new TaskSlot(executor); // quiet: it speaks only when it finds predictions
        this.side = new WaferSideViewModel(executor);
        selected.addListener((o, a, b) -> side.show(selectedMap()));
        side.modelsProperty().addListener((o, a, b) -> {
            if (classifying != null) {
                classifying.cancel();
            }
            if (predictions.get() != null) {
                predictions.set(null);
                status.set("Predictions cleared: other wafer models were loaded; classify all again");
            }
            restore();
        });
        side.accurateClassifyAllProperty().addListener((o, a, b) -> {
            if (predictions.get() == null) {
                restore(); // the other model's earlier predictions, if any
            }
        });
        classFilter.addListener((o, a, b) -> refilter());
        splitFilter.addListener((o, a, b) -> refilter());
        differsOnly.addListener((o, a, b) -> refilter());
        leastCertainFirst.addListener((o, a, b) -> refilter());
        cell.addListener((o, a, b) -> refilter());
        predictions.addListener((o, a, b) -> {
            showConfusion();
            if (differsOnly.get() || leastCertainFirst.get() || cell.get() != null) {
                cell.set(null);
                refilter();
            }
        });
        confusion.setOnCell((t, p) -> cell.set(new String[] {t, p}));
    }

    private void showConfusion() {
        WaferPredictions p = predictions.get();
        WaferDataset d = dataset.get();
        if (p == null || d == null) {
            truth = new int[0];
            confusion.clear();
            return;
        }
        truth = new int[d.size()];
        for (int i = 0; i < truth.length; i++) {
            WaferMap m = d.get(i);
            truth[i] = m.isLabelled() ? p.classes().indexOf(m.label()) : -1;
        }
        int[] predicted = p.predicted();
        confusion.show(p.classes(), d.size(), i -> truth[i], i -> predicted[i]);
    }

    /**
     * Classifies every wafer of the open file in the background with the side panel's model for whole files: the
     * fast student when one ships, else (or when asked) the proposed model.
     */
    public BackgroundTask<WaferPredictions> classifyAll() {
        WaferDataset d = dataset.get();
        WaferModelPair pair = side.modelsProperty().get();
        if (d == null || pair == null) {
            executor.reportError("Cannot classify", new defectlens.core.DefectLensException(
                    d == null ? "open a wafer file first" : "no wafer models are loaded (models/wafer-proposed-*)"));
            return null;
        }
        boolean average = side.wholeFilesAveraged();
        boolean accurate = side.accurateClassifyAllProperty().get();
        WaferModel model = pair.wholeFiles(accurate);
        String name = pair.wholeFilesName(accurate);
        String how = name + (average ? " (averaged over 8 turns / flips)" : "");
        Path dir = side.wholeFilesDir();
        classifying = BackgroundTask.of("Classifying " + d.size() + " wafers with " + how, ctx -> {
            DatasetPredictions cache = DatasetPredictions.wafer(d, dir, model.classes(), average);
            PredictionTable table = cache.table();
            new PredictionRun(t -> cache.save(), null).wafer(model, d, average, table, ctx);
            return predictionsOf(name, table);
        }).onSuccess(p -> {
            predictions.set(p);
            status.set("Classified " + d.size() + " wafers with " + how + " (kept for the next start)");
        }).failureTitle("Cannot classify the wafers").cancelledText(() -> "Classification cancelled (the maps done "
                + "are kept: classify all goes on from there)");
        return loading.run(classifying); // known to the models listener before it starts
    }

    /** The wafer predictions of a table's classified rows (the others keep class index -1). */
    private static WaferPredictions predictionsOf(String model, PredictionTable table) {
        return new WaferPredictions(model, table.classes(), table.predictions(), table.confidences());
    }

    /**
     * Shows the predictions of the side panel's proposed model on the open file that an earlier run left in the
     * user's cache (hashes the file in the background; nothing is classified).
     */
    private void restore() {
        WaferDataset d = dataset.get();
        WaferModelPair pair = side.modelsProperty().get();
        Path dir = side.wholeFilesDir();
        if (d == null || pair == null || dir == null) {
            return;
        }
        boolean average = side.wholeFilesAveraged();
        String name = pair.wholeFilesName(side.accurateClassifyAllProperty().get());
        restoring.run(BackgroundTask.of("Looking for earlier predictions of " + name,
                ctx -> DatasetPredictions.wafer(d, dir, pair.proposed().classes(), average).table()).onSuccess(t -> {
                    if (t.doneCount() > 0 && dataset.get() == d && side.modelsProperty().get() == pair
                            && predictions.get() == null) {
                        predictions.set(predictionsOf(name, t));
                        status.set(t.doneCount() + " of " + d.size() + " wafers classified earlier by " + name
                                + " (from the cache)");
                    }
                }).failureTitle("Cannot read earlier predictions").cancelledText(() -> ""));
    }

    /**
     * Reads a wafer file in the background; progress is the share of the file read. Rows whose map is invalid
     * are left out and reported in the status line, as {@code --skip-invalid} does on the CLI.
     */
    public BackgroundTask<WaferDataset> open(Path file) {
        String name = String.valueOf(file.getFileName());
        return loading.run(BackgroundTask.of("Reading " + name, ctx -> WaferPickleReader.read(file, ctx, InvalidRows.SKIP))
                .onSuccess(this::show).failureTitle("Cannot open " + name)
                .cancelledText(() -> "Cancelled reading " + name));
    }

    public void cancel() {
        loading.cancel();
    }

    /** Shows wafer maps already read (a review's), as if just opened. */
    public void showDataset(WaferDataset d) {
        loading.cancel();
        show(d);
    }

    private void show(WaferDataset d) {
        selected.set(-1);
        predictions.set(null);
        dataset.set(d);
        classFilter.set(ALL);
        splitFilter.set(ALL);
        refilter();
        String invalid = InvalidRowSummary.text(d);
        status.set(d.source().getFileName() + ": " + d.size() + " wafers, " + d.labelledCount() + " labelled"
                + (invalid == null ? "" : "; " + invalid));
        if (d.size() > 0) {
            selected.set(0);
        }
        restore();
    }

    private void refilter() {
        WaferDataset d = dataset.get();
        if (d == null) {
            rows.clear();
            return;
        }
        String cls = classFilter.get();
        String split = splitFilter.get();
        boolean differs = differsOnly.get();
        int[] inCell = cellRows();
        if (inCell != null) {
            rows.setAll(new IntList(inCell));
            return;
        }
        int[] keep = new int[d.size()];
        int n = 0;
        for (int i = 0; i < d.size(); i++) {
            WaferMap m = d.get(i);
            boolean classOk = cls == null || ALL.equals(cls)
                    || (UNLABELLED.equals(cls) ? !m.isLabelled() : cls.equals(m.label()));
            boolean splitOk = split == null || ALL.equals(split) || split.equals(m.split().label());
            if (classOk && splitOk && (!differs || differsFromLabel(i))) {
                keep[n++] = i;
            }
        }
        keep = Arrays.copyOf(keep, n);
        WaferPredictions p = predictions.get();
        if (leastCertainFirst.get() && p != null) {
            keep = RowOrder.leastCertainFirst(keep, p::confidenceOf);
        }
        rows.setAll(new IntList(keep));
    }

    /** The rows of the chosen confusion cell, least certain first when asked; null while no cell is chosen. */
    private int[] cellRows() {
        String[] c = cell.get();
        if (c == null || predictions.get() == null) {
            return null;
        }
        int[] in = confusion.itemsIn(c[0], c[1]);
        return leastCertainFirst.get() ? RowOrder.leastCertainFirst(in, predictions.get()::confidenceOf) : in;
    }

    /** True when the map has a label and a prediction and they disagree. */
    public boolean differsFromLabel(int row) {
        WaferPredictions p = predictions.get();
        WaferDataset d = dataset.get();
        if (p == null || d == null || row < 0 || row >= d.size()) {
            return false;
        }
        String predicted = p.classOf(row);
        WaferMap m = d.get(row);
        return predicted != null && m.isLabelled() && !predicted.equals(m.label());
    }

    public WaferMap selectedMap() {
        WaferDataset d = dataset.get();
        int i = selected.get();
        return d == null || i < 0 || i >= d.size() ? null : d.get(i);
    }

    public ObjectProperty<WaferPredictions> predictionsProperty() {
        return predictions;
    }

    public WaferSideViewModel side() {
        return side;
    }

    public ObjectProperty<WaferDataset> datasetProperty() {
        return dataset;
    }

    public ObservableList<Integer> rows() {
        return rows;
    }

    public ObjectProperty<String> classFilterProperty() {
        return classFilter;
    }

    public ObjectProperty<String> splitFilterProperty() {
        return splitFilter;
    }

    public IntegerProperty selectedProperty() {
        return selected;
    }

    /** The confusion matrix of the predictions against the labels; a click on a cell lists its maps. */
    public ConfusionMatrixViewModel confusion() {
        return confusion;
    }

    /**
     * The confusion cell (true class, predicted class) whose maps the list shows instead of the filters, null
     * for none; set by a click on the matrix, cleared by setting null or by new predictions.
     */
    public ObjectProperty<String[]> cellProperty() {
        return cell;
    }

    /** Keep only the maps whose prediction differs from their label. */
    public BooleanProperty differsOnlyProperty() {
        return differsOnly;
    }

    /** Order the list by the confidence of the prediction, lowest first (unclassified maps last). */
    public BooleanProperty leastCertainFirstProperty() {
        return leastCertainFirst;
    }

    public StringProperty statusProperty() {
        return status;
    }

    public DoubleProperty progressProperty() {
        return job.progressProperty();
    }

    public BooleanProperty busyProperty() {
        return job.busyProperty();
    }
}
