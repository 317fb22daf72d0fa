package defectlens.app.task;

import java.util.ArrayList;
import java.util.List;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.DoubleProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleDoubleProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;

/**
 * The status line of a view, as the {@link BackgroundTask}s shown in it leave it: a message, the progress of the
 * latest running task (-1 = indeterminate, as a JavaFX progress bar takes it) and whether any runs. The
 * view-model may set the message itself between tasks. UI thread only (plain JavaFX properties: no toolkit
 * needed).
 */
public final class JobStatus {
    private final StringProperty status;
    private final DoubleProperty progress = new SimpleDoubleProperty(0);
    private final BooleanProperty busy = new SimpleBooleanProperty(false);
    private final List<BackgroundTask<?>> running = new ArrayList<>();

    public JobStatus(String initial) {
        this.status = new SimpleStringProperty(initial);
    }

    void begin(BackgroundTask<?> task, String text) {
        running.add(task);
        busy.set(true);
        progress.set(-1);
        status.set(text);
    }

    void show(BackgroundTask<?> task, double fraction, String text) {
        if (isLatest(task)) {
            if (text != null) {
                status.set(text);
            }
            // last: a listener of the progress may cancel the task, which then ends at once
            progress.set(Double.isNaN(fraction) ? -1 : Math.max(0, Math.min(1, fraction)));
        }
    }

    void end(BackgroundTask<?> task, String text) {
        boolean latest = isLatest(task);
        running.remove(task);
        if (latest) {
            status.set(text);
        }
        busy.set(!running.isEmpty());
        if (running.isEmpty()) {
            progress.set(0);
        }
    }

    private boolean isLatest(BackgroundTask<?> task) {
        return !running.isEmpty() && running.get(running.size() - 1) == task;
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
