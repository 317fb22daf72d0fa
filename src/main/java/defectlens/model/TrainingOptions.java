package defectlens.model;

import java.nio.file.Path;

/**
 * Settings of one training run. {@code inputSize} 0 means the architecture's default;
 * {@code inputChannels} is 1 (gray stem, [-1, 1] scaling) or 3 (gray replicated, ImageNet
 * normalisation); {@code init} is a bundle whose feature weights start the run (transfer learning)
 * or null for training from scratch; {@code patience} 0 disables early stopping; {@code crops} (null = whole
 * images) trains on native-resolution crops for a sliding-window classifier, {@code inputSize} being the window;
 * {@code resume} continues from the run's last checkpoint in the bundle folder when there is one;
 * {@code learningRateDecay} multiplies the learning rate after every epoch (1 = a fixed rate); {@code evidenceWeight}
 * (0 = off) adds that many times the {@link EvidenceLoss} of crops that hold their image's defect to the loss.
 */
public record TrainingOptions(String architecture, BalanceMode balance, int epochs, long seed,
        double validationFraction, int patience, int batchSize, float learningRate, int inputSize,
        int inputChannels, Path init, boolean augment, String name, String appVersion, CropTraining crops,
        boolean resume, float learningRateDecay, float evidenceWeight) {
    public TrainingOptions {
        if (epochs < 1) {
            throw new IllegalArgumentException("epochs must be at least 1");
        }
        if (batchSize < 1) {
            throw new IllegalArgumentException("batch size must be at least 1");
        }
        if (!(learningRate > 0)) {
            throw new IllegalArgumentException("learning rate must be positive");
        }
        if (!(learningRateDecay > 0 && learningRateDecay <= 1)) {
            throw new IllegalArgumentException("learning rate decay must be in (0, 1]");
        }
        if (!(evidenceWeight >= 0 && Float.isFinite(evidenceWeight))) {
            throw new IllegalArgumentException("evidence weight must be 0 or more");
        }
        if (evidenceWeight > 0 && crops == null) {
            throw new IllegalArgumentException("the evidence loss needs crop training (the defect's box in a crop)");
        }
    }

    /** Whole-image training without resuming. */
    public TrainingOptions(String architecture, BalanceMode balance, int epochs, long seed, double validationFraction,
            int patience, int batchSize, float learningRate, int inputSize, int inputChannels, Path init, boolean augment,
            String name, String appVersion) {
        this(architecture, balance, epochs, seed, validationFraction, patience, batchSize, learningRate, inputSize,
                inputChannels, init, augment, name, appVersion, null, false, 1f, 0f);
    }

    /** The same options training on crops ({@code inputSize} becomes the window) and resuming when asked. */
    public TrainingOptions withCrops(CropTraining c, boolean resumeRun) {
        return new TrainingOptions(architecture, balance, epochs, seed, validationFraction, patience, batchSize,
                learningRate, c == null ? inputSize : c.window(), inputChannels, init, augment, name, appVersion, c,
                resumeRun, learningRateDecay, evidenceWeight);
    }

    /** Defaults: tiny architecture, oversampling, 20 epochs, seed 1, 20 % validation, patience 5, batch 16, lr 1e-3. */
    public static TrainingOptions defaults() {
        return new TrainingOptions(EfficientNetV2Config.TINY, BalanceMode.OVERSAMPLE, 20, 1, 0.2, 5, 16, 1e-3f, 0, 1,
                null, true, "sem-model", "unknown");
    }

    /** The same options with the learning rate multiplied by {@code decay} after every epoch. */
    public TrainingOptions withLearningRateDecay(float decay) {
        return new TrainingOptions(architecture, balance, epochs, seed, validationFraction, patience, batchSize,
                learningRate, inputSize, inputChannels, init, augment, name, appVersion, crops, resume, decay,
                evidenceWeight);
    }

    public TrainingOptions withEpochs(int e) {
        return new TrainingOptions(architecture, balance, e, seed, validationFraction, patience, batchSize,
                learningRate, inputSize, inputChannels, init, augment, name, appVersion, crops, resume,
                learningRateDecay, evidenceWeight);
    }

    public TrainingOptions withInput(int size, int channels) {
        return new TrainingOptions(architecture, balance, epochs, seed, validationFraction, patience, batchSize,
                learningRate, size, channels, init, augment, name, appVersion, crops, resume,
                learningRateDecay, evidenceWeight);
    }

    public TrainingOptions withAugment(boolean a) {
        return new TrainingOptions(architecture, balance, epochs, seed, validationFraction, patience, batchSize,
                learningRate, inputSize, inputChannels, init, a, name, appVersion, crops, resume,
                learningRateDecay, evidenceWeight);
    }

    /** The same options with {@code weight} times the {@link EvidenceLoss} added to the loss (needs crops). */
    public TrainingOptions withEvidenceWeight(float weight) {
        return new TrainingOptions(architecture, balance, epochs, seed, validationFraction, patience, batchSize,
                learningRate, inputSize, inputChannels, init, augment, name, appVersion, crops, resume,
                learningRateDecay, weight);
    }
}
