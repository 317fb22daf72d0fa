package defectlens.app.task;

import defectlens.core.TimeLeft;
import java.util.ArrayList;
import java.util.List;
import java.util.function.LongSupplier;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.DoubleProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleDoubleProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;

/**
 * The status line of a view, as the {@link BackgroundTask}s shown in it leave it: a message, the progress of the
 * latest running task (-1 = indeterminate, as a JavaFX progress bar takes it) and whether any runs. While a task
 * reports a share done, the message ends with the estimated time left ({@link TimeLeft}, e.g.
 * {@code Classifying 811457 wafers: 2048/811457 maps, 4:05 left}). The view-model may set the message itself
 * between tasks. UI thread only (plain JavaFX properties: no toolkit needed).
 */
public final class JobStatus {
    /** A running task, when it began, and its latest message. */
    private static final class Running {
        final BackgroundTask<?> task;
        final TimeLeft timeLeft;
        String text;

        Running(BackgroundTask<?> task, TimeLeft timeLeft, String text) {
            this.task = task;
            this.timeLeft = timeLeft;
            this.text = text;
        }
    }

    private final StringProperty status;
    private final DoubleProperty progress = new SimpleDoubleProperty(0);
    private final BooleanProperty busy = new SimpleBooleanProperty(false);
    private final List<Running> running = new ArrayList<>();
    private final LongSupplier clock;

    public JobStatus(String initial) {
        this(initial, System::nanoTime);
    }

    /** With the clock the time left is measured on (nanoseconds; tests step it). */
    public JobStatus(String initial, LongSupplier clock) {
        this.status = new SimpleStringProperty(initial);
        this.clock = clock;
    }

    void begin(BackgroundTask<?> task, String text) {
        running.add(new Running(task, new TimeLeft(clock), text));
        busy.set(true);
        progress.set(-1);
        status.set(text);
    }

    void show(BackgroundTask<?> task, double fraction, String text) {
        Running latest = latest(task);
        if (latest == null) {
            return;
        }
        if (text != null) {
            latest.text = text;
        }
        String eta = Double.isNaN(fraction) || fraction >= 1 ? null : latest.timeLeft.describe(fraction);
        status.set(eta == null ? latest.text : latest.text + ", " + eta);
        // last: a listener of the progress may cancel the task, which then ends at once
        progress.set(Double.isNaN(fraction) ? -1 : Math.max(0, Math.min(1, fraction)));
    }

    void end(BackgroundTask<?> task, String text) {
        boolean latest = latest(task) != null;
        running.removeIf(r -> r.task == task);
        if (latest) {
            status.set(text);
        }
        busy.set(!running.isEmpty());
        if (running.isEmpty()) {
            progress.set(0);
        }
    }

    private Running latest(BackgroundTask<?> task) {
        if (running.isEmpty()) {
            return null;
        }
        Running last = running.get(running.size() - 1);
        return last.task == task ? last : null;
    }

    public StringProperty statusProperty() {
        return status;
    }

    public DoubleProperty progressProperty() {
        return progress;
    }

    public BooleanProperty busyProperty() {
        return busy;
    }
}
