package defectlens.app.wafer;

import defectlens.app.common.BackgroundTasks;
import defectlens.app.common.JobStatus;
import defectlens.wafer.InvalidRowSummary;
import defectlens.wafer.InvalidRows;
import defectlens.wafer.WaferDataset;
import defectlens.wafer.WaferMap;
import defectlens.wafer.WaferPickleReader;
import defectlens.wafer.WaferPredictions;
import java.nio.file.Path;
import java.util.AbstractList;
import java.util.Arrays;
import java.util.function.BiConsumer;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.DoubleProperty;
import javafx.beans.property.IntegerProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleIntegerProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import javafx.concurrent.Task;

/**
 * State of the wafer-map browser: the open file, the filtered row indices (an int array, so 811,457
 * rows cost 3 MB, not a list of objects), class and split filters, the selected wafer, and loading
 * with real progress and cancel.
 */
public final class WaferViewModel {
    public static final String ALL = "All";
    public static final String UNLABELLED = "(unlabelled)";

    private final BackgroundTasks tasks;
    private final ObjectProperty<WaferDataset> dataset = new SimpleObjectProperty<>();
    private final ObservableList<Integer> rows = FXCollections.observableArrayList();
    private final ObjectProperty<String> classFilter = new SimpleObjectProperty<>(ALL);
    private final ObjectProperty<String> splitFilter = new SimpleObjectProperty<>(ALL);
    private final IntegerProperty selected = new SimpleIntegerProperty(-1);
    private final JobStatus job = new JobStatus("");
    private final StringProperty status = job.statusProperty();
    private final ObjectProperty<WaferPredictions> predictions = new SimpleObjectProperty<>();
    private final WaferSideViewModel side;
    private BiConsumer<String, Throwable> errorHandler = (t, e) -> { };
    private Task<?> loading;
    private Task<WaferPredictions> classifying;

    public WaferViewModel(BackgroundTasks tasks) {
        this.tasks = tasks;
        this.side = new WaferSideViewModel(tasks);
        selected.addListener((o, a, b) -> side.show(selectedMap()));
        side.modelsProperty().addListener((o, a, b) -> {
            if (classifying != null && classifying.isRunning()) {
                classifying.cancel();
            }
            if (predictions.get() != null) {
                predictions.set(null);
                status.set("Predictions cleared: other wafer models were loaded; classify all again");
            }
        });
        classFilter.addListener((o, a, b) -> refilter());
        splitFilter.addListener((o, a, b) -> refilter());
    }

    public void setErrorHandler(BiConsumer<String, Throwable> handler) {
        this.errorHandler = handler;
        side.setErrorHandler(handler);
    }

    /** Classifies every wafer of the open file with the side panel's proposed model, in the background. */
    public Task<WaferPredictions> classifyAll() {
        WaferDataset d = dataset.get();
        WaferModelPair pair = side.modelsProperty().get();
        if (d == null || pair == null) {
            errorHandler.accept("Cannot classify", new defectlens.DefectLensException(
                    d == null ? "open a wafer file first" : "no wafer models are loaded (models/wafer-proposed-*)"));
            return null;
        }
        cancel();
        boolean average = side.averageSymmetriesProperty().get();
        String how = pair.name() + (average ? " (averaged over 8 turns / flips)" : "");
        Task<WaferPredictions> t = new Task<>() {
            @Override
            protected WaferPredictions call() {
                return WaferPredictions.classify(pair.proposed(), pair.name(), d, average, f -> updateProgress(f, 1.0),
                        this::isCancelled);
            }
        };
        loading = t;
        classifying = t;
        return job.submit(tasks.work(), t, "Classifying " + d.size() + " wafers with " + how + " ...", p -> {
            predictions.set(p);
            status.set("Classified " + d.size() + " wafers with " + how);
        }, "Cannot classify the wafers", (title, e) -> errorHandler.accept(title, e), "Classification cancelled");
    }

    /**
     * Reads a wafer file in the background; progress is the share of the file read. Rows whose map is invalid
     * are left out and reported in the status line, as {@code --skip-invalid} does on the CLI.
     */
    public Task<WaferDataset> open(Path file) {
        cancel();
        Task<WaferDataset> t = new Task<>() {
            @Override
            protected WaferDataset call() {
                updateMessage("Reading " + file.getFileName());
                return WaferPickleReader.read(file, f -> updateProgress(f, 1.0), this::isCancelled, InvalidRows.SKIP);
            }
        };
        loading = t;
        String name = String.valueOf(file.getFileName());
        return job.submit(tasks.work(), t, "Reading " + name + " ...", this::show, "Cannot open " + name,
                (title, e) -> errorHandler.accept(title, e), "Cancelled reading " + name);
    }

    public void cancel() {
        if (loading != null && loading.isRunning()) {
            loading.cancel();
        }
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
    }

    private void refilter() {
        WaferDataset d = dataset.get();
        if (d == null) {
            rows.clear();
            return;
        }
        String cls = classFilter.get();
        String split = splitFilter.get();
        int[] keep = new int[d.size()];
        int n = 0;
        for (int i = 0; i < d.size(); i++) {
            WaferMap m = d.get(i);
            boolean classOk = cls == null || ALL.equals(cls)
                    || (UNLABELLED.equals(cls) ? !m.isLabelled() : cls.equals(m.label()));
            boolean splitOk = split == null || ALL.equals(split) || split.equals(m.split().label());
            if (classOk && splitOk) {
                keep[n++] = i;
            }
        }
        rows.setAll(new IndexList(Arrays.copyOf(keep, n)));
    }

    /** Rows as boxed integers on demand only. */
    private static final class IndexList extends AbstractList<Integer> {
        private final int[] idx;

        IndexList(int[] idx) {
            this.idx = idx;
        }

        @Override
        public Integer get(int i) {
            return idx[i];
        }

        @Override
        public int size() {
            return idx.length;
        }

        @Override
        public Object[] toArray() {
            Object[] o = new Object[idx.length];
            for (int i = 0; i < idx.length; i++) {
                o[i] = idx[i];
            }
            return o;
        }
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
