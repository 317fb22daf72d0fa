package defectlens.cli.wafer;

import defectlens.wafer.WaferTrainingConfig;
import picocli.CommandLine.Option;

/**
 * The options {@code wafer train} and {@code wafer experiment} share: how the data file is split (held-out
 * test share and seed, validation share) and the paper's training recipe with its knobs (patience, epoch cap,
 * mini-batch size, learning rate and its decay per epoch). A picocli mixin, so both commands spell and document
 * them the same way.
 */
public final class WaferRecipeOptions {
    @Option(names = "--test-fraction", defaultValue = "0.2",
            description = "stratified share held out as test set (default ${DEFAULT-VALUE})")
    double testFraction;

    @Option(names = "--test-seed", defaultValue = "0",
            description = "seed of the held-out test split, the same for every run (default ${DEFAULT-VALUE})")
    long testSeed;

    @Option(names = "--val-fraction", defaultValue = "0.1",
            description = "stratified share of the rest used for validation (default ${DEFAULT-VALUE})")
    double valFraction;

    @Option(names = "--patience", defaultValue = "30",
            description = "epochs without validation-loss improvement before stopping (default ${DEFAULT-VALUE})")
    int patience;

    @Option(names = "--max-epochs", defaultValue = "500", description = "epoch cap per run (default ${DEFAULT-VALUE})")
    int maxEpochs;

    @Option(names = "--batch", defaultValue = "64", description = "mini-batch size (default ${DEFAULT-VALUE})")
    int batch;

    @Option(names = "--learning-rate", defaultValue = "3e-4", paramLabel = "RATE",
            description = "initial Adam learning rate, times --lr-decay after every epoch (default ${DEFAULT-VALUE}, "
                    + "the paper's)")
    float learningRate;

    @Option(names = "--lr-decay", defaultValue = "0.99", paramLabel = "FACTOR",
            description = "factor applied to the learning rate after every epoch, in (0, 1] (default ${DEFAULT-VALUE}, "
                    + "the paper's)")
    float learningRateDecay;

    /** The paper's recipe (Adam) with this command line's rate and decay, patience, epoch cap and batch. */
    WaferTrainingConfig config() {
        if (!(learningRateDecay > 0 && learningRateDecay <= 1)) {
            throw new IllegalArgumentException("--lr-decay must be in (0, 1]: " + learningRateDecay);
        }
        return WaferTrainingConfig.paper().withMaxEpochs(maxEpochs).withPatience(patience).withBatchSize(batch)
                .withLearningRate(learningRate).withDecayPerEpoch(learningRateDecay);
    }
}
