package defectlens.wafer;

/**
 * Hyper-parameters of {@link WaferTrainer}. The defaults are the paper's: Adam with learning rate 3e-4,
 * multiplied by 0.99 after every epoch, cross-entropy loss, early stop after 30 epochs without an
 * improvement of the validation loss.
 *
 * @param maxEpochs upper bound on epochs
 * @param patience epochs without validation-loss improvement before stopping
 * @param batchSize mini-batch size
 * @param learningRate initial Adam learning rate
 * @param decayPerEpoch factor applied to the learning rate after each epoch
 * @param seed seed of initialisation and shuffling
 * @param validationFraction share of each class held out for validation when no validation set is given
 * @param angles Radon angles of the sinogram variants
 * @param augmentation what happens to the training maps every epoch ({@link TrainingAugmentation#NONE} in the
 *     paper's recipe)
 */
public record WaferTrainingConfig(
        int maxEpochs, int patience, int batchSize, float learningRate, float decayPerEpoch, long seed,
        double validationFraction, int angles, TrainingAugmentation augmentation) {
    public WaferTrainingConfig {
        java.util.Objects.requireNonNull(augmentation, "augmentation");
        if (maxEpochs < 1 || patience < 1 || batchSize < 2 || learningRate <= 0 || decayPerEpoch <= 0
                || decayPerEpoch > 1 || angles < 2) {
            throw new IllegalArgumentException("invalid training configuration: maxEpochs=" + maxEpochs
                    + " patience=" + patience + " batchSize=" + batchSize + " learningRate=" + learningRate
                    + " decayPerEpoch=" + decayPerEpoch + " angles=" + angles);
        }
    }

    /** The paper's settings, batch 64, at most 500 epochs, seed 0, 20 % validation, 64 angles. */
    public static WaferTrainingConfig paper() {
        return new WaferTrainingConfig(500, 30, 64, 3e-4f, 0.99f, 0L, 0.2, WaferPreprocessing.SIZE, TrainingAugmentation.NONE);
    }

    public WaferTrainingConfig withMaxEpochs(int epochs) {
        return new WaferTrainingConfig(epochs, patience, batchSize, learningRate, decayPerEpoch, seed, validationFraction, angles, augmentation);
    }

    public WaferTrainingConfig withPatience(int p) {
        return new WaferTrainingConfig(maxEpochs, p, batchSize, learningRate, decayPerEpoch, seed, validationFraction, angles, augmentation);
    }

    public WaferTrainingConfig withBatchSize(int b) {
        return new WaferTrainingConfig(maxEpochs, patience, b, learningRate, decayPerEpoch, seed, validationFraction, angles, augmentation);
    }

    public WaferTrainingConfig withSeed(long s) {
        return new WaferTrainingConfig(maxEpochs, patience, batchSize, learningRate, decayPerEpoch, s, validationFraction, angles, augmentation);
    }

    public WaferTrainingConfig withAngles(int a) {
        return new WaferTrainingConfig(maxEpochs, patience, batchSize, learningRate, decayPerEpoch, seed, validationFraction, a, augmentation);
    }

    public WaferTrainingConfig withLearningRate(float rate) {
        return new WaferTrainingConfig(maxEpochs, patience, batchSize, rate, decayPerEpoch, seed, validationFraction,
                angles, augmentation);
    }

    public WaferTrainingConfig withDecayPerEpoch(float decay) {
        return new WaferTrainingConfig(maxEpochs, patience, batchSize, learningRate, decay, seed, validationFraction,
                angles, augmentation);
    }

    public WaferTrainingConfig withAugmentation(TrainingAugmentation a) {
        return new WaferTrainingConfig(maxEpochs, patience, batchSize, learningRate, decayPerEpoch, seed, validationFraction, angles, a);
    }

    /** The learning rate during epoch {@code epoch} (0-based). */
    public float learningRateAt(int epoch) {
        return (float) (learningRate * Math.pow(decayPerEpoch, epoch));
    }
}
