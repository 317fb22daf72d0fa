package defectlens.app.common;

import java.util.concurrent.Executor;
import java.util.function.BiConsumer;
import java.util.function.Consumer;
import java.util.function.Supplier;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.DoubleProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleDoubleProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.concurrent.Task;

/**
 * The status line of a view: a message, the progress of the running background job and whether one
 * runs. {@link #submit} wires a {@link Task} to them (progress bound while it runs, result or error
 * handed on, on the FX thread) so every view-model runs its jobs the same way.
 */
public final class JobStatus {
    private final StringProperty status;
    private final DoubleProperty progress = new SimpleDoubleProperty(0);
    private final BooleanProperty busy = new SimpleBooleanProperty(false);

    public JobStatus(String initial) {
        this.status = new SimpleStringProperty(initial);
    }

    /**
     * Runs {@code task} on {@code executor}: while it runs the status shows {@code running} and the
     * progress follows the task; on success {@code onDone} gets the value; on failure the status shows
     * {@code errorTitle} and {@code errors} gets the exception; on cancel the status shows {@code cancelled}.
     */
    public <T> Task<T> submit(Executor executor, Task<T> task, String running, Consumer<T> onDone,
            String errorTitle, BiConsumer<String, Throwable> errors, String cancelled) {
        return submit(executor, task, running, onDone, errorTitle, errors, () -> cancelled);
    }

    /** As above, with the cancel message made when the cancel lands (e.g. how much was done by then). */
    public <T> Task<T> submit(Executor executor, Task<T> task, String running, Consumer<T> onDone,
            String errorTitle, BiConsumer<String, Throwable> errors, Supplier<String> cancelled) {
        task.setOnRunning(e -> {
            busy.set(true);
            status.set(running);
            progress.bind(task.progressProperty());
        });
        task.setOnSucceeded(e -> {
            finish();
            onDone.accept(task.getValue());
        });
        task.setOnFailed(e -> {
            finish();
            status.set(errorTitle);
            errors.accept(errorTitle, task.getException());
        });
        task.setOnCancelled(e -> {
            finish();
            status.set(cancelled.get());
        });
        executor.execute(task);
        return task;
    }

    private void finish() {
        progress.unbind();
        progress.set(0);
        busy.set(false);
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
