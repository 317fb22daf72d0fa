package defectlens.model;

import ai.djl.training.tracker.Tracker;

/**
 * A learning rate the trainer sets between epochs (decay, halving after a divergence); Adam reads it at every
 * update, so changing it keeps Adam's moments.
 */
final class EpochRate implements Tracker {
    private volatile float value;

    EpochRate(float value) {
        this.value = value;
    }

    void set(float newValue) {
        value = newValue;
    }

    @Override
    public float getNewValue(int numUpdate) {
        return value;
    }
}
