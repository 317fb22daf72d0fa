package defectlens.app.review;

import defectlens.app.task.BackgroundTask;
import defectlens.app.task.JobStatus;
import defectlens.app.task.TaskExecutor;
import defectlens.app.task.TaskLane;
import defectlens.app.task.TaskSlot;
import defectlens.core.DefectLensException;
import defectlens.dataset.SemDataset;
import defectlens.review.DecisionAction;
import defectlens.review.DecisionLedger;
import defectlens.review.PredictionTable;
import defectlens.review.QueueOrder;
import defectlens.review.QueueSpec;
import defectlens.review.ReviewConfusion;
import defectlens.review.ReviewDecision;
import defectlens.review.ReviewFolder;
import defectlens.review.ReviewQueue;
import defectlens.review.ReviewSetup;
import defectlens.review.RowOrder;
import defectlens.review.novelty.ReviewNovelty;
import defectlens.wafer.WaferDataset;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.function.IntConsumer;
import java.util.function.LongSupplier;
import java.util.function.Supplier;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.DoubleProperty;
import javafx.beans.property.IntegerProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyIntegerProperty;
import javafx.beans.property.ReadOnlyIntegerWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.SimpleIntegerProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

/**
 * The review desk of one tab: the open review and reviewer, the queue (an int array of item numbers in the
 * order asked, see {@link ReviewQueue}), the item in front of the reviewer, and the decisions made by keyboard or
 * mouse. A decision is written on the journal lane and {@link #saveStateProperty} reads "Saved" only once the
 * journal append (forced to disk) returned. Items without a prediction are classified in the background with a
 * determinate progress, count, time left and cancel (what is done is kept). Testable with a same-thread
 * executor: no JavaFX node here. Opening and closing run on the journal lane too, so a review closed in one
 * window and opened in another is unlocked before it is locked again.
 */
public final class ReviewViewModel {
    private final TaskExecutor executor;
    private final Clock clock;
    private final LongSupplier nanos;
    private final ReadOnlyObjectWrapper<ReviewSession> session = new ReadOnlyObjectWrapper<>();
    private final ObjectProperty<QueueSpec> spec =
            new SimpleObjectProperty<>(QueueSpec.of(QueueOrder.LEAST_CERTAIN));
    private final ObservableList<Integer> queue = FXCollections.observableArrayList();
    private final IntegerProperty position = new SimpleIntegerProperty(-1);
    private final ReadOnlyIntegerWrapper item = new ReadOnlyIntegerWrapper(-1);
    private final ReadOnlyIntegerWrapper revision = new ReadOnlyIntegerWrapper();
    private final StringProperty progressText = new SimpleStringProperty("No review open (File > New review...)");
    private final StringProperty saveState = new SimpleStringProperty("");
    private final StringProperty decisionText = new SimpleStringProperty("");
    private final StringProperty predictionText = new SimpleStringProperty("");
    private final JobStatus job = new JobStatus("");
    private final TaskSlot classifying;
    private final TaskSlot opening;
    private final TaskSlot reading;
    private final TaskSlot counting;
    private final ConfusionMatrixViewModel confusion = new ConfusionMatrixViewModel();
    private final Deque<Integer> decidedThisSession = new ArrayDeque<>();
    private OpenedReview opened;
    private int[] items = new int[0];
    private int[] front = new int[0];
    private final DeskProgress progress = new DeskProgress();
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
        spec.addListener((o, a, b) -> rebuildQueue());
        position.addListener((o, a, b) -> updateItem());
        confusion.setOnCell((t, p) -> spec.set(QueueSpec.cell(t, p).undecidedOnly(spec.get().undecidedOnly())));
    }

    /** Makes a new review of a SEM data set open in the window and opens it for {@code reviewer}. */
    public BackgroundTask<OpenedReview> createSem(Path dir, String reviewer, SemDataset data, String modelName,
            Path modelDir, List<String> classes) {
        return create(dir, reviewer, () -> ReviewSetup.sem(dir, data.root(), data, modelName, modelDir, classes,
                spec.get()), data, null);
    }

    /**
     * Makes a new review of the wafer maps open in the window and opens it for {@code reviewer}; its predictions
     * are averaged over the 8 turns / flips of each map or not, as {@code average} says, in every run.
     */
    public BackgroundTask<OpenedReview> createWafer(Path dir, String reviewer, WaferDataset data,
            String modelName, Path modelDir, List<String> classes, boolean average) {
        return create(dir, reviewer, () -> ReviewSetup.wafer(dir, data, modelName, modelDir, classes, spec.get(),
                average), null, data);
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
        decidedThisSession.clear();
        progress.startSession(nanos);
        session.set(o.session());
        onOpened.accept(o); // the tab shows the data first, then the queue's first item
        refreshConfusion();
        QueueSpec saved = o.session().folder().definition().queue();
        if (saved != null && !saved.equals(spec.get())) {
            spec.set(saved);
        } else {
            rebuildQueue();
        }
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
        items = new int[0];
        front = new int[0];
        queue.clear();
        position.set(-1);
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
            int before = item.get();
            rebuildQueue();
            if (before >= 0) {
                goTo(before);
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

    private void rebuildQueue() {
        ReviewSession s = session.get();
        if (s == null) {
            return;
        }
        DecisionLedger ledger = s.ledger();
        ReviewNovelty novelty = s.novelty();
        if (spec.get().order() == QueueOrder.NOVELTY && novelty == null) {
            executor.reportError("No novelty scores", noScores(s));
            spec.set(QueueSpec.of(QueueOrder.LEAST_CERTAIN).undecidedOnly(spec.get().undecidedOnly()));
            return;
        }
        items = RowOrder.withFirst(front, ReviewQueue.order(s.table(), spec.get(), ledger::isDecided, s::truth,
                novelty == null ? null : novelty.scores()));
        progress.queueBuilt(items, s.table().size(), ledger::isDecided);
        queue.setAll(new IntList(items));
        position.set(-1);
        position.set(items.length == 0 ? -1 : 0);
        updateProgress();
    }

    /** Why the open review has no novelty scores, and how to get them. */
    private static DefectLensException noScores(ReviewSession s) {
        if (!s.hasNoveltyFit()) {
            try {
                ReviewNovelty.requireFit(s.folder());
            } catch (DefectLensException e) {
                return e;
            }
        }
        return new DefectLensException(s.folder().dir(), "the maps have no novelty scores yet: Classify missing "
                + "scores them with the model's novelty fit");
    }

    /**
     * Puts {@code picked} first in the queue, in their order, before the order asked for ("send these to the
     * queue"); they stay in front until the review closes.
     */
    public void sendToFront(int[] picked) {
        if (session.get() == null || picked.length == 0) {
            return;
        }
        front = RowOrder.withFirst(picked, front);
        rebuildQueue();
    }

    /** Shows item {@code index}: its place in the queue, or - when the queue does not hold it - put in front. */
    public void open(int index) {
        for (int it : items) {
            if (it == index) {
                goTo(index);
                return;
            }
        }
        sendToFront(new int[] {index});
        goTo(index);
    }

    // ---- decisions ----

    /** Accepts the prediction of the item in front. */
    public void accept() {
        decide(DecisionAction.ACCEPT, null, null);
    }

    /** Relabels the item in front to the class shown next to {@code number} (1..9, the review's class order). */
    public void relabel(int number) {
        List<String> classes = classes();
        if (number >= 1 && number <= classes.size()) {
            decide(DecisionAction.RELABEL, classes.get(number - 1), null);
        }
    }

    /** Marks the item in front as unsure (ask someone). */
    public void unsure() {
        decide(DecisionAction.UNSURE, null, null);
    }

    /** Adds a note to the item in front; its decision stays. */
    public void note(String text) {
        if (text != null && !text.isBlank()) {
            decide(DecisionAction.NOTE, null, text.strip());
        }
    }

    private void decide(DecisionAction action, String classAfter, String note) {
        ReviewSession s = session.get();
        int i = item.get();
        if (s == null || i < 0) {
            return;
        }
        if (action == DecisionAction.ACCEPT && !s.table().isDone(i)) {
            executor.reportError("Nothing to accept", new DefectLensException(s.folder().dir(), "item "
                    + s.table().id(i) + " has no prediction yet: classify the missing items first"));
            return;
        }
        boolean wasDecided = s.ledger().isDecided(i);
        save("Saving " + action.json() + " of " + s.table().id(i), () -> s.decide(i, action, classAfter, note,
                "keyboard"), d -> {
                    if (action.decides()) {
                        decidedThisSession.push(i);
                        progress.sessionDecisions(1);
                    }
                    progress.itemChanged(i, wasDecided, s.ledger().isDecided(i));
                });
        if (action.decides()) {
            next();
        }
    }

    /** Withdraws the last decision of this session (a new journal line) and goes back to its item. */
    public void undo() {
        ReviewSession s = session.get();
        if (s == null || decidedThisSession.isEmpty()) {
            return;
        }
        int i = decidedThisSession.pop();
        boolean wasDecided = s.ledger().isDecided(i);
        save("Undoing the decision on " + s.table().id(i), () -> s.undo(i, "keyboard").orElse(null), d -> {
            if (d != null) {
                progress.sessionDecisions(-1);
            }
            progress.itemChanged(i, wasDecided, s.ledger().isDecided(i));
        });
        goTo(i);
    }

    private void save(String what, Supplier<ReviewDecision> write, Consumer<ReviewDecision> done) {
        saveState.set("Saving ...");
        executor.execute(BackgroundTask.of(what, ctx -> Optional.ofNullable(write.get())).onLane(TaskLane.JOURNAL)
                .onSuccess(d -> {
                    done.accept(d.orElse(null));
                    saveState.set("Saved");
                    revision.set(revision.get() + 1);
                    updateItem();
                    updateProgress();
                    refreshConfusion();
                })
                .onFailure(e -> {
                    saveState.set("NOT saved: " + e.getMessage());
                    executor.reportError("Cannot save the decision", e);
                }));
    }

    // ---- moving ----

    /** The next item of the queue (PgDn). */
    public void next() {
        if (position.get() + 1 < items.length) {
            position.set(position.get() + 1);
        }
    }

    /** The previous item of the queue (PgUp). */
    public void previous() {
        if (position.get() > 0) {
            position.set(position.get() - 1);
        }
    }

    /** Shows item {@code index} (its place in the queue, or the item alone when it is not in the queue). */
    public void goTo(int index) {
        for (int k = 0; k < items.length; k++) {
            if (items[k] == index) {
                position.set(k);
                return;
            }
        }
    }

    private void updateItem() {
        int p = position.get();
        int i = p >= 0 && p < items.length ? items[p] : -1;
        item.set(i);
        decisionText.set(i < 0 ? "" : describeDecision(i));
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

    /** The current decision on an item in words, e.g. {@code relabel -> thin_bridge by ana (note: ...)}. */
    public String describeDecision(int index) {
        return ItemTexts.decision(session.get(), index);
    }

    /** The current decision on an item, if any (for the list's icon and colour). */
    public Optional<ReviewDecision> decisionOf(int index) {
        ReviewSession s = session.get();
        return s == null ? Optional.empty() : s.ledger().current(index);
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

    /** The queue's order and filters; setting it builds the queue again. */
    public ObjectProperty<QueueSpec> specProperty() {
        return spec;
    }

    /** The queue: item numbers in order (boxed on demand only). */
    public ObservableList<Integer> queue() {
        return queue;
    }

    /** The place in the queue of the item in front (-1: none). */
    public IntegerProperty positionProperty() {
        return position;
    }

    /** The item in front (-1: none). */
    public ReadOnlyIntegerProperty itemProperty() {
        return item.getReadOnlyProperty();
    }

    /** Counts up whenever decisions or predictions change (lists refresh their rows). */
    public ReadOnlyIntegerProperty revisionProperty() {
        return revision.getReadOnlyProperty();
    }

    /** "n of N decided, m this session, 4:05 left". */
    public StringProperty progressTextProperty() {
        return progressText;
    }

    /** "Saving ...", then "Saved" once the journal append returned (or "NOT saved: ..."). */
    public StringProperty saveStateProperty() {
        return saveState;
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
