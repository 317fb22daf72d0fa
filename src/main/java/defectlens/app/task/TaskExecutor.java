package defectlens.app.task;

import java.util.Objects;
import java.util.function.BiConsumer;

/**
 * Runs {@link BackgroundTask}s (modelled on JabRef's {@code TaskExecutor}): the one way the window starts long
 * work. Subclasses say how work gets off the UI thread and how results get back on it: {@link FxTaskExecutor}
 * with named daemon threads per {@link TaskLane} and the JavaFX thread, a same-thread executor in tests (no
 * JavaFX toolkit needed). Errors of tasks without their own handler go to one hook: the window shows a dialog,
 * tests collect them. Call it from the UI thread.
 */
public abstract class TaskExecutor {
    private BiConsumer<String, Throwable> errorHandler = (title, e) -> { };

    /** Starts {@code task} and returns it (to cancel it later). */
    public final <T> BackgroundTask<T> execute(BackgroundTask<T> task) {
        task.start(this);
        return task;
    }

    /** Where errors go: a dialog in the window, a list in tests. Called on the UI thread. */
    public final void setErrorHandler(BiConsumer<String, Throwable> errorHandler) {
        this.errorHandler = Objects.requireNonNull(errorHandler);
    }

    /** Shows an error the way failed tasks show theirs (e.g. "no model open" before any work starts). */
    public final void reportError(String title, Throwable e) {
        errorHandler.accept(title, e);
    }

    /** Runs {@code r} on the UI thread after the events already queued there (for views that must wait a turn). */
    public final void later(Runnable r) {
        runOnUiThread(r);
    }

    /** Runs {@code work} on a thread of {@code lane}, after the lane's earlier work; ignored once shut down. */
    protected abstract void runInBackground(TaskLane lane, Runnable work);

    /** Runs {@code r} on the UI thread, in the order given. */
    protected abstract void runOnUiThread(Runnable r);

    /** Stops the lanes: running work is interrupted, queued work dropped (the journal lane finishes its queue). */
    public abstract void shutdown();
}
