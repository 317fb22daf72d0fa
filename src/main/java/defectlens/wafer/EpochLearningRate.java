package defectlens.wafer;

import ai.djl.training.tracker.Tracker;

/** A learning-rate tracker that changes per epoch, not per update: {@code lr0 * decay^epoch}. */
final class EpochLearningRate implements Tracker {
    private final WaferTrainingConfig config;
    private volatile int epoch;

    EpochLearningRate(WaferTrainingConfig config) {
        this.config = config;
    }

    void setEpoch(int epoch) {
        this.epoch = epoch;
    }

    float current() {
        return config.learningRateAt(epoch);
    }

    @Override
    public float getNewValue(int numUpdate) {
        return current();
    }
}
