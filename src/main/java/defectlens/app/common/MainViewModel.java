package defectlens.app.common;

import defectlens.dataset.DatasetOpener;
import defectlens.dataset.SemDataset;
import defectlens.dataset.SemSample;
import defectlens.image.MaskOverlay;
import defectlens.image.WindowMode;
import java.nio.file.Path;
import java.util.function.BiConsumer;
import java.util.function.Consumer;
import java.util.function.Supplier;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.DoubleProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import javafx.concurrent.Task;

/**
 * State of the main window as JavaFX properties, and the work behind its commands: opening data sets
 * and images off the FX thread, with progress and cancel, and errors handed to one error handler.
 */
public final class MainViewModel {
    private static final int MASK_RGB = 0xFF3B30;

    private final BackgroundTasks tasks;
    private final RecentItems recent;
    private final ObjectProperty<SemDataset> dataset = new SimpleObjectProperty<>();
    private final ObjectProperty<SemSample> selected = new SimpleObjectProperty<>();
    private final ObjectProperty<LoadedImage> image = new SimpleObjectProperty<>();
    private final ObservableList<OverlayLayerModel> layers = FXCollections.observableArrayList();
    private final ObjectProperty<WindowMode> windowMode = new SimpleObjectProperty<>(WindowMode.MIN_MAX);
    private final ObjectProperty<MaskOverlay.Style> maskStyle = new SimpleObjectProperty<>(MaskOverlay.Style.OUTLINE);
    private final JobStatus job = new JobStatus("Ready");
    private final StringProperty status = job.statusProperty();
    private final ObservableList<Path> recentItems = FXCollections.observableArrayList();
    private final ObjectProperty<LoadedModel> model = new SimpleObjectProperty<>();
    private BiConsumer<String, Throwable> errorHandler = (title, e) -> { };
    private Task<?> datasetTask;
    private Task<?> imageTask;
    private OverlayLayerModel maskLayer;

    public MainViewModel(BackgroundTasks tasks, RecentItems recent) {
        this.tasks = tasks;
        this.recent = recent;
        recentItems.setAll(recent.list());
        windowMode.addListener((o, a, mode) -> {
            LoadedImage img = image.get();
            if (img != null) {
                image.set(img.withWindow(mode));
            }
        });
        maskStyle.addListener((o, a, style) -> {
            if (maskLayer != null && maskLayer.getLayer() instanceof MaskOverlay m) {
                maskLayer.setLayer(m.withStyle(style));
            }
        });
    }

    /** The window's executors, for view-models that run work of their own. */
    public BackgroundTasks tasks() {
        return tasks;
    }

    /** Where errors go: the window shows a dialog; tests collect them. Called on the FX thread. */
    public void setErrorHandler(BiConsumer<String, Throwable> handler) {
        this.errorHandler = handler;
    }

    /** Shows an error the way the window shows its own (a dialog; tests collect them). FX thread only. */
    public void reportError(String title, Throwable e) {
        errorHandler.accept(title, e);
    }

    /** Opens a data-set folder, a Carinthia CSV or a single image in the background. */
    public Task<SemDataset> openDataset(Path path) {
        if (datasetTask != null) {
            datasetTask.cancel();
        }
        Task<SemDataset> t = run("Opening " + path, () -> DatasetOpener.open(path), d -> {
            recent.add(path);
            recentItems.setAll(recent.list());
            dataset.set(d);
            status.set(d.name() + ": " + d.size() + " images, layout " + d.layout().id()
                    + (d.maskCount() > 0 ? ", " + d.maskCount() + " masks" : ""));
            if (!d.samples().isEmpty()) {
                select(d.samples().get(0));
            }
        }, "Cannot open " + path.getFileName());
        datasetTask = t;
        return t;
    }

    /** Opens a SEM model bundle in the background; it replaces (and closes) the model open before. */
    public Task<LoadedModel> openModel(Path dir) {
        return run("Opening model " + dir.getFileName(), () -> LoadedModel.load(dir), m -> {
            LoadedModel old = model.get();
            model.set(m);
            if (old != null) {
                old.close();
            }
            status.set("Model " + m.name() + ": " + m.manifest().architecture() + ", classes " + m.manifest().classes());
        }, "Cannot open the model " + dir.getFileName());
    }

    /** The SEM model the window classifies and explains with (null until one is open). */
    public ObjectProperty<LoadedModel> modelProperty() {
        return model;
    }

    /** Shows a sample: reads its image (and mask) in the background; a newer selection cancels an older load. */
    public Task<LoadedImage> select(SemSample sample) {
        selected.set(sample);
        if (imageTask != null) {
            imageTask.cancel();
        }
        if (sample == null) {
            return null;
        }
        WindowMode mode = windowMode.get();
        Task<LoadedImage> t = run("Reading " + sample.fileName(), () -> LoadedImage.load(sample, mode), this::show,
                "Cannot show " + sample.fileName());
        imageTask = t;
        return t;
    }

    private void show(LoadedImage img) {
        layers.clear();
        maskLayer = null;
        image.set(img);
        if (img.mask() != null) {
            MaskOverlay overlay = new MaskOverlay("Ground-truth mask", img.mask(), MASK_RGB, maskStyle.get());
            maskLayer = new OverlayLayerModel(overlay, 0.8);
            layers.add(maskLayer);
        }
        status.set(img.sample().fileName() + "  " + img.raster().describe());
    }

    private <T> Task<T> run(String what, Supplier<T> work, Consumer<T> onDone, String errorTitle) {
        Task<T> t = new Task<>() {
            @Override
            protected T call() {
                updateMessage(what);
                updateProgress(-1, 1);
                T result = work.get();
                updateProgress(1, 1);
                return result;
            }
        };
        return job.submit(tasks.work(), t, what + " ...", onDone, errorTitle,
                (title, e) -> errorHandler.accept(title, e), "Cancelled: " + what);
    }

    /** Cancels what is running. */
    public void cancel() {
        if (datasetTask != null) {
            datasetTask.cancel();
        }
        if (imageTask != null) {
            imageTask.cancel();
        }
    }

    /** Shows or hides the ground-truth mask layer. */
    public void toggleMask() {
        if (maskLayer != null) {
            maskLayer.visibleProperty().set(!maskLayer.visibleProperty().get());
        }
    }

    public OverlayLayerModel maskLayer() {
        return maskLayer;
    }

    public ObjectProperty<SemDataset> datasetProperty() {
        return dataset;
    }

    public ObjectProperty<SemSample> selectedProperty() {
        return selected;
    }

    public ObjectProperty<LoadedImage> imageProperty() {
        return image;
    }

    public ObservableList<OverlayLayerModel> layers() {
        return layers;
    }

    public ObjectProperty<WindowMode> windowModeProperty() {
        return windowMode;
    }

    public ObjectProperty<MaskOverlay.Style> maskStyleProperty() {
        return maskStyle;
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

    public ObservableList<Path> recentItems() {
        return recentItems;
    }
}
