package defectlens.app.task;

import java.util.Objects;
import java.util.concurrent.CancellationException;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Consumer;
import java.util.function.Supplier;

/**
 * One piece of long work started from the window (modelled on JabRef's {@code BackgroundTask}): the work runs
 * on a {@link TaskLane} of a {@link TaskExecutor}, reports progress and polls cancellation through its
 * {@link TaskContext}, and everything it hands back - progress, partial results, the result, the error - arrives
 * on the UI thread. While it runs, an optional {@link JobStatus} shows its title, progress and messages. A
 * failure goes to the task's own error handler or else to the executor's one hook (a dialog in the window).
 * A cancelled task ends at once on the UI thread; whatever its work still returns is dropped.
 *
 * <p>Set up on the UI thread, {@link TaskExecutor#execute run} once, then only {@link #cancel} and the getters.
 *
 * @param <T> what the work returns
 */
public final class BackgroundTask<T> {
    /** The work itself, off the UI thread. */
    @FunctionalInterface
    public interface Work<T> {
        T run(TaskContext context) throws Exception;
    }

    private record Update(double fraction, String message) {
    }

    private final String title;
    private final Work<T> work;
    private TaskLane lane = TaskLane.WORK;
    private JobStatus status;
    private Consumer<? super T> onSuccess = value -> { };
    private String failureTitle;
    private Consumer<Throwable> onFailure;
    private Runnable onCancelled = () -> { };
    private Supplier<String> cancelledText;
    private TaskExecutor executor;
    private boolean finished;
    private final AtomicBoolean cancelled = new AtomicBoolean();
    private final AtomicReference<Update> pending = new AtomicReference<>();
    private final Context context = new Context();

    private BackgroundTask(String title, Work<T> work) {
        this.title = Objects.requireNonNull(title);
        this.work = Objects.requireNonNull(work);
        this.failureTitle = "Failed: " + title;
        this.cancelledText = () -> "Cancelled: " + title;
    }

    /** A task called {@code title} (e.g. "Reading LSWMD.pkl") that runs {@code work}. */
    public static <T> BackgroundTask<T> of(String title, Work<T> work) {
        return new BackgroundTask<>(title, work);
    }

    /** The lane it runs on ({@link TaskLane#WORK} unless set). */
    public BackgroundTask<T> onLane(TaskLane lane) {
        this.lane = Objects.requireNonNull(lane);
        return this;
    }

    /** Shows its title, progress and messages in {@code status} while it runs and how it ended afterwards. */
    public BackgroundTask<T> showIn(JobStatus status) {
        this.status = status;
        return this;
    }

    /** Gets the result on the UI thread (not called when cancelled). */
    public BackgroundTask<T> onSuccess(Consumer<? super T> onSuccess) {
        this.onSuccess = Objects.requireNonNull(onSuccess);
        return this;
    }

    /** The title the error dialog gets (default "Failed: " and the task's title). */
    public BackgroundTask<T> failureTitle(String failureTitle) {
        this.failureTitle = Objects.requireNonNull(failureTitle);
        return this;
    }

    /** Takes its errors instead of the executor's error hook (UI thread). */
    public BackgroundTask<T> onFailure(Consumer<Throwable> onFailure) {
        this.onFailure = onFailure;
        return this;
    }

    /** Runs on the UI thread when it is cancelled, after the status shows {@link #cancelledText}. */
    public BackgroundTask<T> onCancelled(Runnable onCancelled) {
        this.onCancelled = Objects.requireNonNull(onCancelled);
        return this;
    }

    /** What the status shows once cancelled, asked when the cancel lands (e.g. how much was done by then). */
    public BackgroundTask<T> cancelledText(Supplier<String> cancelledText) {
        this.cancelledText = Objects.requireNonNull(cancelledText);
        return this;
    }

    public String title() {
        return title;
    }

    public TaskLane lane() {
        return lane;
    }

    /** Asks the work to stop at its next check and ends the task now; a result still coming is dropped. */
    public void cancel() {
        if (!cancelled.compareAndSet(false, true) || finished || executor == null) {
            return;
        }
        finish(cancelledText.get());
        onCancelled.run();
    }

    public boolean isCancelled() {
        return cancelled.get();
    }

    /** True from {@link TaskExecutor#execute} until it succeeded, failed or was cancelled. */
    public boolean isRunning() {
        return executor != null && !finished;
    }

    /** Called by {@link TaskExecutor#execute} on the UI thread. */
    void start(TaskExecutor executor) {
        if (this.executor != null) {
            throw new IllegalStateException("the task '" + title + "' has already run");
        }
        this.executor = executor;
        if (status != null) {
            status.begin(this, title + " ...");
        }
        if (cancelled.get()) {
            finish(cancelledText.get());
            onCancelled.run();
            return;
        }
        executor.runInBackground(lane, this::runWork);
    }

    private void runWork() {
        T value;
        try {
            value = work.run(context);
        } catch (Throwable e) {
            executor.runOnUiThread(() -> failed(e));
            return;
        }
        executor.runOnUiThread(() -> succeeded(value));
    }

    private void succeeded(T value) {
        if (finished || cancelled.get()) {
            return;
        }
        finish("Done: " + title);
        onSuccess.accept(value);
    }

    private void failed(Throwable e) {
        if (finished || cancelled.get()) {
            return;
        }
        if (e instanceof CancellationException) {
            // the work gave up on its own (e.g. a Ctrl-C flag of a service): a cancel, not an error
            cancelled.set(true);
            finish(cancelledText.get());
            onCancelled.run();
            return;
        }
        finish(failureTitle);
        if (onFailure != null) {
            onFailure.accept(e);
        } else {
            executor.reportError(failureTitle, e);
        }
    }

    private void finish(String text) {
        finished = true;
        if (status != null) {
            status.end(this, text);
        }
    }

    private void showProgress() {
        Update u = pending.getAndSet(null);
        if (u != null && !finished && status != null) {
            status.show(this, u.fraction(), u.message() == null ? null : title + ": " + u.message());
        }
    }

    /** The work's side: progress updates are merged so the UI thread gets at most one per turn. */
    private final class Context implements TaskContext {
        @Override
        public void update(double fraction, String message) {
            Update before = pending.getAndUpdate(p -> new Update(fraction,
                    message != null || p == null ? message : p.message()));
            if (before == null) {
                executor.runOnUiThread(BackgroundTask.this::showProgress);
            }
        }

        @Override
        public boolean isCancelled() {
            return cancelled.get();
        }

        @Override
        public void publish(Runnable onUiThread) {
            executor.runOnUiThread(() -> {
                if (!cancelled.get() && !finished) {
                    onUiThread.run();
                }
            });
        }
    }
}
