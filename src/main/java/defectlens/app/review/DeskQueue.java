package defectlens.app.review;

import defectlens.app.task.TaskExecutor;
import defectlens.core.DefectLensException;
import defectlens.review.DecisionLedger;
import defectlens.review.QueueOrder;
import defectlens.review.QueueSpec;
import defectlens.review.ReviewQueue;
import defectlens.review.RowOrder;
import defectlens.review.novelty.ReviewNovelty;
import javafx.beans.property.IntegerProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyIntegerProperty;
import javafx.beans.property.ReadOnlyIntegerWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.SimpleIntegerProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

/**
 * The queue of the review desk and the reviewer's place in it: the order and filters asked for ({@link QueueSpec}),
 * the item numbers in that order (an int array, see {@link ReviewQueue}) with the items sent to the front ("more
 * like this", a neighbour opened) before them, the place of the item in front and moving through the queue. Built
 * again whenever the order changes; "most novel first" without novelty scores says why and falls back to least
 * certain first.
 */
public final class DeskQueue {
    private final TaskExecutor executor;
    private final ReadOnlyObjectProperty<ReviewSession> session;
    private final DeskProgress progress;
    private final Runnable built;
    private final ObjectProperty<QueueSpec> spec =
            new SimpleObjectProperty<>(QueueSpec.of(QueueOrder.LEAST_CERTAIN));
    private final ObservableList<Integer> queue = FXCollections.observableArrayList();
    private final IntegerProperty position = new SimpleIntegerProperty(-1);
    private final ReadOnlyIntegerWrapper item = new ReadOnlyIntegerWrapper(-1);
    private int[] items = new int[0];
    private int[] front = new int[0];

    /**
     * @param built called after the queue was built (the desk's progress text)
     * @param moved called when the place in the queue changed (the desk shows the item in front)
     */
    DeskQueue(TaskExecutor executor, ReadOnlyObjectProperty<ReviewSession> session, DeskProgress progress,
            Runnable built, Runnable moved) {
        this.executor = executor;
        this.session = session;
        this.progress = progress;
        this.built = built;
        spec.addListener((o, a, b) -> rebuild());
        position.addListener((o, a, b) -> moved.run());
    }

    /** A review was opened: the queue of its saved order, else of the order asked now. */
    void start(QueueSpec saved) {
        if (saved != null && !saved.equals(spec.get())) {
            spec.set(saved);
        } else {
            rebuild();
        }
    }

    /** The review was closed: no queue, no item in front, nothing sent to the front. */
    void clear() {
        items = new int[0];
        front = new int[0];
        queue.clear();
        position.set(-1);
    }

    /** Builds the queue again (the first item in front). */
    void rebuild() {
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
        built.run();
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

    /** The items of one cell of the confusion matrix (true, predicted class), "undecided only" as it was. */
    void showCell(String truth, String predicted) {
        spec.set(QueueSpec.cell(truth, predicted).undecidedOnly(spec.get().undecidedOnly()));
    }

    /** The open review whose queue this is, or null. */
    ReviewSession session() {
        return session.get();
    }

    /** Sets the item in front from the place in the queue and returns it (-1: none). */
    int updateItem() {
        int p = position.get();
        int i = p >= 0 && p < items.length ? items[p] : -1;
        item.set(i);
        return i;
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
        rebuild();
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

    /** The queue's order and filters; setting it builds the queue again. */
    public ObjectProperty<QueueSpec> specProperty() {
        return spec;
    }

    /** The queue: item numbers in order (boxed on demand only). */
    public ObservableList<Integer> items() {
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
}
