package defectlens.model;

/**
 * One finished epoch: mean training loss, validation loss, accuracy and macro F1, whether it became
 * the best checkpoint, and its wall time.
 */
public record EpochReport(int epoch, int epochs, double trainLoss, double validationLoss,
        double validationAccuracy, double validationMacroF1, boolean best, double seconds) {
}
