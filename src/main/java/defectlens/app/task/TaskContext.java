package defectlens.app.task;

import defectlens.core.Progress;

/**
 * What running work sees of its {@link BackgroundTask}: the {@link Progress} it reports to and polls for
 * cancellation (hand it on to the core services), and a way to hand partial results (a batch of predictions,
 * an epoch report) to the UI thread while it goes on. Published results of a cancelled task are dropped.
 */
public interface TaskContext extends Progress {
    /** Runs {@code onUiThread} on the UI thread, in order with the task's other updates, unless cancelled. */
    void publish(Runnable onUiThread);
}
