package defectlens.app.task;

import java.util.ArrayList;
import java.util.List;

/**
 * The {@link TaskExecutor} of view-model tests (as JabRef's {@code CurrentThreadTaskExecutor}): the work runs at
 * once on the calling thread and so do its progress, partial results, result and error, so a test drives a
 * view-model's jobs step by step with no window, no JavaFX toolkit and no waiting. Errors that reach the hook
 * are kept in {@link #errors}.
 */
public final class CurrentThreadTaskExecutor extends TaskExecutor {
    /** What reached the error hook: a title and the error. */
    public record Reported(String title, Throwable error) {
    }

    public final List<Reported> errors = new ArrayList<>();
    /** The lanes of the tasks run so far, in order. */
    public final List<TaskLane> lanesUsed = new ArrayList<>();

    public CurrentThreadTaskExecutor() {
        setErrorHandler((title, e) -> errors.add(new Reported(title, e)));
    }

    @Override
    protected void runInBackground(TaskLane lane, Runnable work) {
        lanesUsed.add(lane);
        work.run();
    }

    @Override
    protected void runOnUiThread(Runnable r) {
        r.run();
    }

    @Override
    public void shutdown() {
    }
}
