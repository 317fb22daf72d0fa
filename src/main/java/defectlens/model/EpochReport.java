package defectlens.model;

/**
 * One finished training epoch, as the SEM and the wafer trainers report it: its number (from 1) of at most
 * {@code epochs}, mean training and validation loss, validation accuracy and macro F1 (NaN where the trainer does
 * not measure it), the learning rate used, whether it became the best so far (the checkpoint kept), how many
 * epochs in a row have not improved on the best, and its wall time in seconds.
 */
public record EpochReport(int epoch, int epochs, double trainLoss, double validationLoss,
        double validationAccuracy, double validationMacroF1, double learningRate, boolean best,
        int epochsWithoutImprovement, double seconds) {
}
