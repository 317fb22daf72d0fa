package defectlens.app.review;

import defectlens.app.task.BackgroundTask;
import defectlens.app.task.TaskExecutor;
import defectlens.app.task.TaskLane;
import defectlens.core.DefectLensException;
import defectlens.review.DecisionAction;
import defectlens.review.ReviewDecision;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.function.Supplier;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;

/**
 * The decisions made at the review desk on the item in front of the reviewer - accept, relabel, unsure, note - and
 * undo of this session's last one. Each is written on the journal lane and {@link #saveStateProperty} reads
 * "Saved" only once the journal append (forced to disk) returned; a decision moves the queue on, an undo goes back
 * to its item.
 */
public final class DeskDecisions {
    private final TaskExecutor executor;
    private final DeskQueue queue;
    private final DeskProgress progress;
    private final Runnable saved;
    private final StringProperty saveState = new SimpleStringProperty("");
    private final Deque<Integer> decidedThisSession = new ArrayDeque<>();

    /**
     * @param queue the queue of the open review, whose item in front the decisions are on
     * @param saved called once a decision is on disk (the desk shows it: texts, progress, confusion matrix)
     */
    DeskDecisions(TaskExecutor executor, DeskQueue queue, DeskProgress progress, Runnable saved) {
        this.executor = executor;
        this.queue = queue;
        this.progress = progress;
        this.saved = saved;
    }

    /** A review was opened: nothing to undo yet. */
    void startSession() {
        decidedThisSession.clear();
    }

    /** Accepts the prediction of the item in front. */
    public void accept() {
        decide(DecisionAction.ACCEPT, null, null);
    }

    /** Relabels the item in front to the class shown next to {@code number} (1..9, the review's class order). */
    public void relabel(int number) {
        ReviewSession s = queue.session();
        List<String> classes = s == null ? List.of() : s.folder().definition().classes();
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
        ReviewSession s = queue.session();
        int i = queue.itemProperty().get();
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
            queue.next();
        }
    }

    /** Withdraws the last decision of this session (a new journal line) and goes back to its item. */
    public void undo() {
        ReviewSession s = queue.session();
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
        queue.goTo(i);
    }

    private void save(String what, Supplier<ReviewDecision> write, Consumer<ReviewDecision> done) {
        saveState.set("Saving ...");
        executor.execute(BackgroundTask.of(what, ctx -> Optional.ofNullable(write.get())).onLane(TaskLane.JOURNAL)
                .onSuccess(d -> {
                    done.accept(d.orElse(null));
                    saveState.set("Saved");
                    saved.run();
                })
                .onFailure(e -> {
                    saveState.set("NOT saved: " + e.getMessage());
                    executor.reportError("Cannot save the decision", e);
                }));
    }

    /** The current decision on an item in words, e.g. {@code relabel -> thin_bridge by ana (note: ...)}. */
    public String describe(int index) {
        return ItemTexts.decision(queue.session(), index);
    }

    /** The current decision on an item, if any (for the list's icon and colour). */
    public Optional<ReviewDecision> of(int index) {
        ReviewSession s = queue.session();
        return s == null ? Optional.empty() : s.ledger().current(index);
    }

    /** "Saving ...", then "Saved" once the journal append returned (or "NOT saved: ..."). */
    public StringProperty saveStateProperty() {
        return saveState;
    }
}
