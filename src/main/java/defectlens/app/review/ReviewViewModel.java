package defectlens.app.review;

import defectlens.app.task.BackgroundTask;
import defectlens.app.task.JobStatus;
import defectlens.app.task.TaskExecutor;
import defectlens.app.task.TaskLane;
import defectlens.app.task.TaskSlot;
import defectlens.core.DefectLensException;
import defectlens.dataset.SemDataset;
import defectlens.review.PredictionTable;
import defectlens.review.ReviewConfusion;
import defectlens.review.ReviewFolder;
import defectlens.review.ReviewSetup;
import defectlens.wafer.WaferDataset;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.function.Consumer;
import java.util.function.IntConsumer;
import java.util.function.LongSupplier;
import java.util.function.Supplier;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.DoubleProperty;
import javafx.beans.property.ReadOnlyIntegerProperty;
import javafx.beans.property.ReadOnlyIntegerWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;

/**
 * The review desk of one tab: the open review and reviewer, its queue and the item in front of the reviewer
 * ({@link DeskQueue}), the decisions made by keyboard or mouse ({@link DeskDecisions}), the texts of the item in
 * front, the progress and the review's confusion matrix. Items without a prediction are classified in the
 * background with a determinate progress, count, time left and cancel (what is done is kept). Testable with a
 * same-thread executor: no JavaFX node here. Opening and closing run on the journal lane, like the decisions, so a
 * review closed in one window and opened in another is unlocked before it is locked again.
 */
public final class ReviewViewModel {
    private final TaskExecutor executor;
    private final Clock clock;
    private final LongSupplier nanos;
    private final ReadOnlyObjectWrapper<ReviewSession> session = new ReadOnlyObjectWrapper<>();
    private final ReadOnlyIntegerWrapper revision = new ReadOnlyIntegerWrapper();
    private final StringProperty progressText = new SimpleStringProperty("No review open (File > New review...)");
    private final StringProperty decisionText = new SimpleStringProperty("");
    private final StringProperty predictionText = new SimpleStringProperty("");
    private final JobStatus job = new JobStatus("");
    private final TaskSlot classifying;
    private final TaskSlot opening;
    private final TaskSlot reading;
    private final TaskSlot counting;
    private final ConfusionMatrixViewModel confusion = new ConfusionMatrixViewModel();
    private final DeskProgress progress = new DeskProgress();
    private final DeskQueue queue;
    private final DeskDecisions decisions;
    private OpenedReview opened;
    private long lastConfusion;
    private SimilarStripViewModel similar;
    private Consumer<OpenedReview> onOpened = o -> { };
    private IntConsumer onItem = i -> { };

    public ReviewViewModel(TaskExecutor executor) {
        this(executor, Clock.systemUTC(), System::nanoTime);
    }

    /** With the clocks of decision times and of the time left (tests step them). */
    public ReviewViewModel(TaskExecutor executor, Clock clock, LongSupplier nanos) {
        this.executor = executor;
        this.clock = clock;
        this.nanos = nanos;
        this.classifying = new TaskSlot(executor, job);
        this.opening = new TaskSlot(executor, job);
        this.reading = new TaskSlot(executor, job);
        this.counting = new TaskSlot(executor);
        this.queue = new DeskQueue(executor, session.getReadOnlyProperty(), progress, this::updateProgress,
                this::updateItem);
        this.decisions = new DeskDecisions(executor, queue, progress, () -> {
            revision.set(revision.get() + 1);
            updateItem();
            updateProgress();
            refreshConfusion();
        });
        confusion.setOnCell(queue::showCell);
    }

    /** Makes a new review of a SEM data set open in the window and opens it for {@code reviewer}. */
    public BackgroundTask<OpenedReview> createSem(Path dir, String reviewer, SemDataset data, String modelName,
            Path modelDir, List<String> classes) {
        return create(dir, reviewer, () -> ReviewSetup.sem(dir, data.root(), data, modelName, modelDir, classes,
                queue.specProperty().get()), data, null);
    }

    /**
     * Makes a new review of the wafer maps open in the window and opens it for {@code reviewer}; its predictions
     * are averaged over the 8 turns / flips of each map or not, as {@code average} says, in every run.
     */
    public BackgroundTask<OpenedReview> createWafer(Path dir, String reviewer, WaferDataset data,
            String modelName, Path modelDir, List<String> classes, boolean average) {
        return create(dir, reviewer, () -> ReviewSetup.wafer(dir, data, modelName, modelDir, classes,
                queue.specProperty().get(), average), null, data);
    }

    private BackgroundTask<OpenedReview> create(Path dir, String reviewer, Supplier<ReviewFolder> setup,
            SemDataset sem, WaferDataset wafer) {
        return opening.run(BackgroundTask.of("Creating the review " + dir.getFileName(), ctx -> {
            ReviewFolder.checkReviewer(reviewer);
            setup.get();
            return ReviewWork.open(dir, reviewer, sem, wafer, clock, ctx);
        }).onLane(TaskLane.JOURNAL).onSuccess(this::show)
                .failureTitle("Cannot create the review " + dir.getFileName()));
    }

    /**
     * Opens the review in {@code dir} for {@code reviewer}: the cached predictions at once (no classifying), the
     * decisions of every reviewer. {@code sem} / {@code wafer}: the data the window shows, reused when it is the
     * review's (may be null).
     */
    public BackgroundTask<OpenedReview> open(Path dir, String reviewer, SemDataset sem, WaferDataset wafer) {
        return opening.run(BackgroundTask.of("Opening the review " + dir.getFileName(),
                ctx -> ReviewWork.openCached(dir, reviewer, sem, wafer, clock)
                        .orElseGet(() -> ReviewWork.open(dir, reviewer, sem, wafer, clock, ctx)))
                .onLane(TaskLane.JOURNAL).onSuccess(o -> {
                    show(o);
                    if (o.sem() == null && o.wafer() == null) {
                        readData(o);
                    }
                }).failureTitle("Cannot open the review " + dir.getFileName()));
    }

    /** Reads the data of a review opened from its cache, then hands it to the tab. */
    private void readData(OpenedReview o) {
        reading.run(BackgroundTask.of("Reading the review's data " + o.session().folder().dataPath().getFileName(),
                ctx -> ReviewWork.withData(o, ctx)).onSuccess(full -> {
                    if (opened != null && opened.session() == full.session()) {
                        opened = full;
                        onOpened.accept(full);
                        updateItem();
                        showPredictionStatus();
                    }
                }).failureTitle("Cannot read the review's data"));
    }

    private void show(OpenedReview o) {
        close();
        opened = o;
        decisions.startSession();
        progress.startSession(nanos);
        session.set(o.session());
        onOpened.accept(o); // the tab shows the data first, then the queue's first item
        refreshConfusion();
        queue.start(o.session().folder().definition().queue());
        showPredictionStatus();
    }

    private void showPredictionStatus() {
        ReviewSession s = session.get();
        if (s != null) {
            PredictionTable t = s.table();
            job.statusProperty().set((s.stale() != null ? "Predictions made again: " + s.stale() + "; " : "")
                    + t.doneCount() + " of " + t.size() + " items have a prediction"
                    + (t.doneCount() < t.size() ? " (Classify missing)" : "") + ItemTexts.noveltyStatus(s));
        }
    }

    /** Closes the open review's journal (its decisions are all on disk already). */
    public void close() {
        classifying.cancel();
        reading.cancel();
        ReviewSession s = session.get();
        if (s != null) {
            executor.execute(BackgroundTask.of("Closing the decisions journal", ctx -> {
                s.close();
                return null;
            }).onLane(TaskLane.JOURNAL));
        }
        session.set(null);
        opened = null;
        queue.clear();
    }

    /** Classifies the items without a prediction with the review's model; cancel keeps what is done. */
    public BackgroundTask<?> classifyMissing() {
        OpenedReview o = opened;
        if (o == null) {
            return null;
        }
        if (o.sem() == null && o.wafer() == null) {
            executor.reportError("Cannot classify yet", new DefectLensException(o.session().folder().dataPath(),
                    "the review's data is still being read"));
            return null;
        }
        PredictionTable t = o.session().table();
        return classifying.run(BackgroundTask.of("Classifying " + (t.size() - t.doneCount()) + " items",
                ctx -> ReviewWork.classifyMissing(o, rows -> ctx.publish(() -> predictionsArrived(false)), ctx))
                .onLane(TaskLane.CLASSIFICATION)
                .onSuccess(r -> {
                    predictionsArrived(true);
                    job.statusProperty().set(t.doneCount() + " of " + t.size() + " items have a prediction"
                            + (r.unreadable() > 0 ? "; " + r.unreadable() + " unreadable: " + r.firstProblem()
                            : "") + ItemTexts.noveltyStatus(o.session()));
                })
                .onCancelled(() -> predictionsArrived(true))
                .failureTitle("Cannot classify the review's items")
                .cancelledText(() -> "Cancelled: " + t.doneCount() + " of " + t.size()
                        + " items have a prediction (saved)"));
    }

    /** Writes an export of the open review (decisions as they stand now) in the background. */
    public BackgroundTask<String> export(ReviewExport format, Path out) {
        OpenedReview o = opened;
        if (o == null) {
            return null;
        }
        return executor.execute(BackgroundTask.of("Exporting to " + out.getFileName(), ctx -> format.write(o, out))
                .showIn(job).onSuccess(job.statusProperty()::set).failureTitle("Cannot export the review"));
    }

    /** Draws the drift view of the open review in the background and hands the chart to {@code show}. */
    public BackgroundTask<defectlens.image.ArgbImage> drift(Consumer<defectlens.image.ArgbImage> show) {
        ReviewSession s = session.get();
        if (s == null) {
            return null;
        }
        return executor.execute(BackgroundTask.of("Drawing the drift view", ctx -> DriftView.chart(s))
                .onLane(TaskLane.INTERACTIVE).onSuccess(show).failureTitle("No drift view"));
    }

    /** Stops classifying between two batches; the predictions made so far are saved. */
    public void cancelClassify() {
        classifying.cancel();
    }

    private void predictionsArrived(boolean last) {
        long now = nanos.getAsLong();
        if (last || now - lastConfusion > 1_000_000_000L) {
            lastConfusion = now;
            refreshConfusion();
        }
        revision.set(revision.get() + 1);
        if (last) {
            // orders other than data-set order hold classified items only: build the queue again, same item first
            int before = queue.itemProperty().get();
            queue.rebuild();
            if (before >= 0) {
                queue.goTo(before);
            }
        } else {
            updateItem();
        }
    }

    /**
     * Counts the review's confusion matrix again off the UI thread (811,457 wafer maps take a moment); a newer
     * count cancels an older one still running, so quick keystrokes cost one count.
     */
    private void refreshConfusion() {
        ReviewSession s = session.get();
        if (s == null) {
            return;
        }
        counting.run(BackgroundTask.of("Counting the confusion matrix", ctx -> {
            var m = ReviewConfusion.of(s.table(), s::truth);
            return ConfusionCounts.of(m, s.table().size() - m.total());
        }).onLane(TaskLane.INTERACTIVE).onSuccess(c -> {
            if (session.get() == s) {
                confusion.set(c);
            }
        }));
    }

    private void updateItem() {
        int i = queue.updateItem();
        decisionText.set(i < 0 ? "" : decisions.describe(i));
        predictionText.set(i < 0 ? "" : ItemTexts.prediction(session.get(), i));
        if (i >= 0) {
            onItem.accept(i);
        }
    }

    private void updateProgress() {
        if (session.get() != null) {
            progressText.set(progress.text());
        }
    }

    /** The review's classes in hotkey order (1..9), empty without a review. */
    public List<String> classes() {
        ReviewSession s = session.get();
        return s == null ? List.of() : s.folder().definition().classes();
    }

    /** The open review with its data (null data while it is still being read), or null. */
    public OpenedReview opened() {
        return opened;
    }

    /**
     * Sets the hook the tab uses to show a freshly opened review's data (its browser, viewer, models): called once
     * when the review opens (the data may still be null then) and again when its data has been read.
     */
    public void setOnOpened(Consumer<OpenedReview> onOpened) {
        this.onOpened = onOpened;
    }

    /** Sets the hook that shows an item in the tab's viewer (image with mask and explanation, or wafer map). */
    public void setOnItem(IntConsumer onItem) {
        this.onItem = onItem;
    }

    /** "More like this" for the item in front (made on first use). */
    public SimilarStripViewModel similar() {
        if (similar == null) {
            similar = new SimilarStripViewModel(executor, this);
        }
        return similar;
    }

    public ReadOnlyObjectProperty<ReviewSession> sessionProperty() {
        return session.getReadOnlyProperty();
    }

    /** The queue, its order and the item in front. */
    public DeskQueue queue() {
        return queue;
    }

    /** The decisions on the item in front, their undo and save state. */
    public DeskDecisions decisions() {
        return decisions;
    }

    /** Counts up whenever decisions or predictions change (lists refresh their rows). */
    public ReadOnlyIntegerProperty revisionProperty() {
        return revision.getReadOnlyProperty();
    }

    /** "n of N decided, m this session, 4:05 left". */
    public StringProperty progressTextProperty() {
        return progressText;
    }

    /** The label and the model's top-3 of the item in front, in words. */
    public StringProperty predictionTextProperty() {
        return predictionText;
    }

    /** The decision on the item in front, in words. */
    public StringProperty decisionTextProperty() {
        return decisionText;
    }

    public ConfusionMatrixViewModel confusion() {
        return confusion;
    }

    /** Status of opening and classifying: message (with count and time left), progress, busy. */
    public JobStatus job() {
        return job;
    }

    public StringProperty statusProperty() {
        return job.statusProperty();
    }

    public DoubleProperty progressProperty() {
        return job.progressProperty();
    }

    public BooleanProperty busyProperty() {
        return job.busyProperty();
    }
}
