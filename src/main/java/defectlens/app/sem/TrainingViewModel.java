package defectlens.app.sem;

import defectlens.core.DefectLensException;
import defectlens.app.common.LoadedModel;
import defectlens.app.common.MainViewModel;
import defectlens.app.task.BackgroundTask;
import defectlens.app.task.JobStatus;
import defectlens.app.task.TaskLane;
import defectlens.core.ProductVersion;
import defectlens.core.UserFolders;
import defectlens.dataset.SemDataset;
import defectlens.model.BalanceMode;
import defectlens.model.CropTraining;
import defectlens.model.EfficientNetV2Config;
import defectlens.model.EpochReport;
import defectlens.model.SemTrainer;
import defectlens.model.TrainingListener;
import defectlens.model.TrainingOptions;
import defectlens.model.TrainingResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.DoubleProperty;
import javafx.beans.property.IntegerProperty;
import javafx.beans.property.LongProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.SimpleDoubleProperty;
import javafx.beans.property.SimpleIntegerProperty;
import javafx.beans.property.SimpleLongProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

/**
 * One training run started from the window: the settings (the open data set, architecture, balance
 * mode, epochs, seed, output folder), {@link SemTrainer} as a task on the training lane with progress per
 * batch, the epoch reports as they arrive (for the live chart), cancel, and the trained bundle at the
 * end, which the user may open as the current model.
 */
public final class TrainingViewModel {
    /** The architectures offered, smallest first. */
    public static final List<String> ARCHITECTURES = List.of(EfficientNetV2Config.TINY, EfficientNetV2Config.TINY_OS16,
            EfficientNetV2Config.S, EfficientNetV2Config.M, EfficientNetV2Config.L);

    private final MainViewModel main;
    private final SemDataset dataset;
    private final StringProperty architecture = new SimpleStringProperty(EfficientNetV2Config.TINY);
    private final ObjectProperty<BalanceMode> balance = new SimpleObjectProperty<>(BalanceMode.OVERSAMPLE);
    private final IntegerProperty epochs = new SimpleIntegerProperty(20);
    private final LongProperty seed = new SimpleLongProperty(1);
    private final IntegerProperty inputSize = new SimpleIntegerProperty(0);
    private final IntegerProperty batchSize = new SimpleIntegerProperty(16);
    private final IntegerProperty cropWindow = new SimpleIntegerProperty(0);
    private final DoubleProperty evidenceWeight = new SimpleDoubleProperty(0);
    private final ObjectProperty<Path> output = new SimpleObjectProperty<>();
    private final ObservableList<EpochReport> epochReports = FXCollections.observableArrayList();
    private final JobStatus job = new JobStatus("Ready to train");
    private final ReadOnlyObjectWrapper<TrainingResult> result = new ReadOnlyObjectWrapper<>();
    private BackgroundTask<TrainingResult> task;

    /**
     * A run on the data set open in the window; by default the bundle goes into the user's data folder
     * ({@link UserFolders#data()}{@code /models/<data set>-model}), never next to the data set, which may lie inside
     * the installation.
     */
    public TrainingViewModel(MainViewModel main) {
        this(main, UserFolders.current().data().resolve("models"));
    }

    /** A run whose default output is a new folder {@code <data set>-model} (or {@code -model-2} ...) in {@code models}. */
    public TrainingViewModel(MainViewModel main, Path models) {
        this.main = main;
        this.dataset = main.datasetProperty().get();
        if (dataset != null) {
            Path root = dataset.root().toAbsolutePath().normalize();
            String name = (root.getFileName() == null ? "sem" : root.getFileName().toString()) + "-model";
            Path out = models.resolve(name);
            for (int i = 2; Files.exists(out); i++) {
                out = models.resolve(name + "-" + i);
            }
            output.set(out);
        }
    }

    /** The options the settings stand for. */
    public TrainingOptions options() {
        Path out = output.get();
        String name = out == null ? "sem-model" : out.getFileName().toString();
        TrainingOptions options = new TrainingOptions(EfficientNetV2Config.named(architecture.get()).name(),
                balance.get(), epochs.get(), seed.get(), 0.2, 5, batchSize.get(), 1e-3f, inputSize.get(), 1, null, true,
                name, ProductVersion.version());
        if (cropWindow.get() > 0) {
            options = options.withCrops(CropTraining.of(cropWindow.get(), cropWindow.get() / 2), false);
        }
        return evidenceWeight.get() > 0 ? options.withEvidenceWeight((float) evidenceWeight.get()) : options;
    }

    /** Starts training in the background; the epoch reports, progress and status follow on the FX thread. */
    public BackgroundTask<TrainingResult> start() {
        if (task != null && task.isRunning()) {
            return task;
        }
        if (dataset == null) {
            main.reportError("Nothing to train on", new DefectLensException("open a labelled data set first"));
            return null;
        }
        if (output.get() == null) {
            main.reportError("No output folder", new DefectLensException("choose a folder for the trained model"));
            return null;
        }
        TrainingOptions options;
        try {
            options = options();
        } catch (RuntimeException e) {
            main.reportError("Cannot train with these settings", e);
            return null;
        }
        Path out = output.get();
        epochReports.clear();
        result.set(null);
        task = BackgroundTask.of("Training " + options.architecture(), ctx -> {
            ctx.update(Double.NaN, "reading " + dataset.size() + " images");
            TrainingListener listener = new TrainingListener() {
                @Override
                public void onEpoch(EpochReport report) {
                    ctx.publish(() -> epochReports.add(report));
                }

                @Override
                public void onDivergence(int epoch, float learningRate, boolean retrying) {
                    ctx.update(Double.NaN, String.format(Locale.ROOT, retrying
                            ? "epoch %d diverged; repeating it from the last good epoch at learning rate %.1e"
                            : "epoch %d diverged again (learning rate %.1e); stopping", epoch, learningRate));
                }
            };
            return new SemTrainer(options).train(dataset, out, listener, ctx);
        }).onLane(TaskLane.TRAINING).showIn(job).onSuccess(r -> {
            result.set(r);
            job.statusProperty().set(describe(r));
        }).failureTitle("Training failed").cancelledText(() -> "Cancelled after " + epochReports.size() + " epochs"
                + (epochReports.isEmpty() ? "" : "; the best checkpoint so far is in " + out));
        return main.executor().execute(task); // known to cancel() before it starts
    }

    private static String describe(TrainingResult r) {
        if (r.bestValidation() == null) {
            return r.cancelled() ? "Cancelled before the first epoch ended" : "No epoch finished";
        }
        return String.format(Locale.ROOT, "%s after %d epochs: best epoch %d, validation macro F1 %.3f, accuracy %.3f%s",
                r.cancelled() ? "Cancelled" : r.diverged() ? "Stopped (diverged)" : r.stoppedEarly() ? "Stopped early" : "Done",
                r.history().size(), r.bestEpoch(), r.bestValidation().macroF1(), r.bestValidation().accuracy(),
                r.recoveries() > 0 ? "; " + r.recoveries() + " diverged epoch(s) rolled back" : "");
    }

    /** Stops the run between two batches; the best checkpoint so far stays on disk. */
    public void cancel() {
        if (task != null) {
            task.cancel();
        }
    }

    /** True when a run finished with a checkpoint that can be opened. */
    public boolean hasTrainedModel() {
        TrainingResult r = result.get();
        return r != null && r.bestValidation() != null;
    }

    /** Opens the trained bundle as the window's current model. */
    public BackgroundTask<LoadedModel> openTrainedModel() {
        return hasTrainedModel() ? main.openModel(result.get().bundle()) : null;
    }

    public SemDataset dataset() {
        return dataset;
    }

    public StringProperty architectureProperty() {
        return architecture;
    }

    public ObjectProperty<BalanceMode> balanceProperty() {
        return balance;
    }

    public IntegerProperty epochsProperty() {
        return epochs;
    }

    public LongProperty seedProperty() {
        return seed;
    }

    /** Square input size; 0 means the architecture's default. */
    public IntegerProperty inputSizeProperty() {
        return inputSize;
    }

    public IntegerProperty batchSizeProperty() {
        return batchSize;
    }

    /** Side of the native-resolution training crops (a sliding-window model, stride half the crop); 0 = whole images. */
    public IntegerProperty cropWindowProperty() {
        return cropWindow;
    }

    /** Weight of the evidence loss (needs crops); 0 = off. */
    public DoubleProperty evidenceWeightProperty() {
        return evidenceWeight;
    }

    public ObjectProperty<Path> outputProperty() {
        return output;
    }

    /** The finished epochs of the current run, in order. */
    public ObservableList<EpochReport> epochReports() {
        return epochReports;
    }

    public StringProperty statusProperty() {
        return job.statusProperty();
    }

    public DoubleProperty progressProperty() {
        return job.progressProperty();
    }

    public BooleanProperty runningProperty() {
        return job.busyProperty();
    }

    public ReadOnlyObjectProperty<TrainingResult> resultProperty() {
        return result.getReadOnlyProperty();
    }
}
