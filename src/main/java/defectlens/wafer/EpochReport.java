package defectlens.wafer;

/**
 * What one training epoch did: mean training and validation cross-entropy, validation accuracy, the
 * learning rate used and whether the validation loss improved on the best so far.
 */
public record EpochReport(
        int epoch, double trainLoss, double validationLoss, double validationAccuracy, float learningRate,
        boolean improved, int epochsWithoutImprovement) {
}
