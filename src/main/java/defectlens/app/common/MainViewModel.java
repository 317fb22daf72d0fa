package defectlens.app.common;

import defectlens.app.task.BackgroundTask;
import defectlens.app.task.JobStatus;
import defectlens.app.task.TaskExecutor;
import defectlens.app.task.TaskSlot;
import defectlens.dataset.DatasetOpener;
import defectlens.dataset.SemDataset;
import defectlens.dataset.SemSample;
import defectlens.image.MaskOverlay;
import defectlens.image.WindowMode;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.function.Consumer;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.DoubleProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

/**
 * State of the main window as JavaFX properties, and the work behind its commands: opening data sets
 * and images as {@link BackgroundTask}s (progress, cancel, a newer request cancelling the older one), errors
 * going to the executor's one error hook.
 */
public final class MainViewModel {
    private static final int MASK_RGB = 0xFF3B30;

    private final TaskExecutor executor;
    private final RecentItems recent;
    private final ObjectProperty<SemDataset> dataset = new SimpleObjectProperty<>();
    private final ObjectProperty<SemSample> selected = new SimpleObjectProperty<>();
    private final ObjectProperty<LoadedImage> image = new SimpleObjectProperty<>();
    private final ObservableList<OverlayLayerModel> layers = FXCollections.observableArrayList();
    private final OverlayStack overlays = new OverlayStack(layers);
    private final ObjectProperty<WindowMode> windowMode = new SimpleObjectProperty<>(WindowMode.MIN_MAX);
    private final ObjectProperty<MaskOverlay.Style> maskStyle = new SimpleObjectProperty<>(MaskOverlay.Style.OUTLINE);
    private final JobStatus job = new JobStatus("Ready");
    private final StringProperty status = job.statusProperty();
    private final ObservableList<Path> recentItems = FXCollections.observableArrayList();
    private final ObjectProperty<LoadedModel> model = new SimpleObjectProperty<>();
    private final TaskSlot datasetTask;
    private final TaskSlot imageTask;
    private OverlayLayerModel maskLayer;
    private final List<Consumer<LoadedImage>> shownListeners = new ArrayList<>();

    public MainViewModel(TaskExecutor executor, RecentItems recent) {
        this.executor = executor;
        this.datasetTask = new TaskSlot(executor, job);
        this.imageTask = new TaskSlot(executor, job);
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

    /** The window's task executor, for view-models that run work of their own. */
    public TaskExecutor executor() {
        return executor;
    }

    /** Shows an error the way the window shows its own (a dialog; tests collect them). FX thread only. */
    public void reportError(String title, Throwable e) {
        executor.reportError(title, e);
    }

    /** Opens a data-set folder, a Carinthia CSV or a single image in the background. */
    public BackgroundTask<SemDataset> openDataset(Path path) {
        return datasetTask.run(task("Opening " + path, () -> DatasetOpener.open(path), d -> {
            recent.add(path);
            recentItems.setAll(recent.list());
            dataset.set(d);
            status.set(d.name() + ": " + d.size() + " images, layout " + d.layout().id()
                    + (d.maskCount() > 0 ? ", " + d.maskCount() + " masks" : ""));
            // the first image, unless a listener of the data set (an open review) has selected its own already
            if (!d.samples().isEmpty() && (selected.get() == null || !d.samples().contains(selected.get()))) {
                select(d.samples().get(0));
            }
        }, "Cannot open " + path.getFileName()));
    }

    /** Opens a SEM model bundle in the background; it replaces (and closes) the model open before. */
    public BackgroundTask<LoadedModel> openModel(Path dir) {
        return executor.execute(task("Opening model " + dir.getFileName(), () -> LoadedModel.load(dir), m -> {
            LoadedModel old = model.get();
            model.set(m);
            if (old != null) {
                old.close();
            }
            status.set("Model " + m.name() + ": " + m.manifest().architecture() + ", classes " + m.manifest().classes());
        }, "Cannot open the model " + dir.getFileName()).showIn(job));
    }

    /** The SEM model the window classifies and explains with (null until one is open). */
    public ObjectProperty<LoadedModel> modelProperty() {
        return model;
    }

    /** Shows a sample: reads its image (and mask) in the background; a newer selection cancels an older load. */
    public BackgroundTask<LoadedImage> select(SemSample sample) {
        selected.set(sample);
        imageTask.cancel();
        if (sample == null) {
            return null;
        }
        WindowMode mode = windowMode.get();
        return imageTask.run(task("Reading " + sample.fileName(), () -> LoadedImage.load(sample, mode), this::show,
                "Cannot show " + sample.fileName()));
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
        for (Consumer<LoadedImage> l : shownListeners) {
            l.accept(img);
        }
    }

    /** Called on the FX thread after an image and its ground-truth layer are shown (the mask editor listens). */
    public void onImageShown(Consumer<LoadedImage> listener) {
        shownListeners.add(listener);
    }

    /** A file read on the work lane, shown in the status line; the read itself cannot tell its progress. */
    private <T> BackgroundTask<T> task(String what, Callable<T> read, Consumer<T> onDone,
            String errorTitle) {
        return BackgroundTask.of(what, ctx -> read.call()).onSuccess(onDone).failureTitle(errorTitle);
    }

    /** Cancels what is running. */
    public void cancel() {
        datasetTask.cancel();
        imageTask.cancel();
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

    /** The layers' order: add, remove and move them through it, so the mask stays above the heatmaps. */
    public OverlayStack overlays() {
        return overlays;
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
