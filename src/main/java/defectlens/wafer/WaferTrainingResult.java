package defectlens.wafer;

import defectlens.model.EpochReport;
import java.util.List;

/**
 * The outcome of {@link WaferTrainer#train}: the model with the weights of the best validation epoch, the
 * per-epoch history, and why training stopped ({@code "early-stop"}, {@code "max-epochs"} or
 * {@code "cancelled"}). The caller owns (and closes) the model.
 */
public record WaferTrainingResult(
        WaferModel model, List<EpochReport> history, int bestEpoch, double bestValidationLoss, String stopReason) {
    public WaferTrainingResult {
        history = List.copyOf(history);
    }

    public boolean cancelled() {
        return "cancelled".equals(stopReason);
    }
}
