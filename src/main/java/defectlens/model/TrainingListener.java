package defectlens.model;

/**
 * Receives training progress: after every batch (for a progress bar) and after every epoch (for the
 * live loss / F1 chart and the progress line). Called on the training thread.
 */
public interface TrainingListener {
    default void onBatch(int epoch, int batch, int batches, double loss) {
    }

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
