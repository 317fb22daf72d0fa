package defectlens.model;

/**
 * Receives the results of a training run as they come: every epoch's report (for the live loss / F1 chart and
 * the log) and every divergence. Batch progress and cancellation go through {@link defectlens.core.Progress}.
 * Called on the training thread.
 */
public interface TrainingListener {
    void onEpoch(EpochReport report);

    /**
     * Epoch {@code epoch} diverged (non-finite loss, weights or BatchNorm statistics) and was rolled back to
     * the last good epoch. {@code retrying}: it runs again with {@code learningRate}; otherwise the run stops.
     */
    default void onDivergence(int epoch, float learningRate, boolean retrying) {
    }

    /** A listener that ignores everything. */
    static TrainingListener none() {
        return report -> { };
    }
}
