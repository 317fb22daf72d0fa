package defectlens.app.task;

/**
 * A place for one task at a time, shown in one status line: starting a new task cancels the one before, so an
 * older image, wafer or explanation that is still being computed never overwrites a newer one (its result is
 * dropped). Several slots may share a status line.
 */
public final class TaskSlot {
    private final TaskExecutor executor;
    private final JobStatus status;
    private BackgroundTask<?> current;

    /** A slot whose tasks show nowhere (quick work the view draws itself). */
    public TaskSlot(TaskExecutor executor) {
        this(executor, null);
    }

    public TaskSlot(TaskExecutor executor, JobStatus status) {
        this.executor = executor;
        this.status = status;
    }

    /** Cancels the running task, if any, and starts {@code task} (shown in this slot's status line). */
    public <T> BackgroundTask<T> run(BackgroundTask<T> task) {
        cancel();
        current = task;
        if (status != null) {
            task.showIn(status);
        }
        return executor.execute(task);
    }

    /** Cancels the running task, if any. */
    public void cancel() {
        if (current != null) {
            current.cancel();
        }
    }

    /** True while the last task started here runs. */
    public boolean isRunning() {
        return current != null && current.isRunning();
    }

    /** The status line the tasks show in (null for a slot without one). */
    public JobStatus status() {
        return status;
    }
}
