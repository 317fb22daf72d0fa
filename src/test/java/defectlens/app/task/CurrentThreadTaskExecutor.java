package defectlens.app.task;

import java.util.ArrayList;
import java.util.List;

/**
 * The {@link TaskExecutor} of view-model tests (as JabRef's {@code CurrentThreadTaskExecutor}): the work runs at
 * once on the calling thread and so do its progress, partial results, result and error, so a test drives a
 * view-model's jobs step by step with no window, no JavaFX toolkit and no waiting. Errors that reach the hook
 * are kept in {@link #errors}. After {@link #hold()} background work waits until {@link #runHeld()}, so a test
 * can let tasks overlap or cancel one before its work runs, as a user would on the real lanes.
 */
public final class CurrentThreadTaskExecutor extends TaskExecutor {
    /** What reached the error hook: a title and the error. */
    public record Reported(String title, Throwable error) {
    }

    public final List<Reported> errors = new ArrayList<>();
    /** The lanes of the tasks run so far, in order. */
    public final List<TaskLane> lanesUsed = new ArrayList<>();

    private final List<Runnable> held = new ArrayList<>();
    private boolean holding;

    public CurrentThreadTaskExecutor() {
        setErrorHandler((title, e) -> errors.add(new Reported(title, e)));
    }

    @Override
    protected void runInBackground(TaskLane lane, Runnable work) {
        lanesUsed.add(lane);
        if (holding) {
            held.add(work);
        } else {
            work.run();
        }
    }

    /** From now on, background work waits for {@link #runHeld()}. */
    public void hold() {
        holding = true;
    }

    /** Runs the work held so far in order (and what it starts), then runs work at once again; returns how much. */
    public int runHeld() {
        holding = false;
        int n = 0;
        while (!held.isEmpty()) {
            held.remove(0).run();
            n++;
        }
        return n;
    }

    @Override
    protected void runOnUiThread(Runnable r) {
        r.run();
    }

    @Override
    public void shutdown() {
    }
}
