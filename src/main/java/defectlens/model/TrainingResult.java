package defectlens.model;

import java.nio.file.Path;
import java.util.List;

/**
 * The outcome of a training run: the bundle folder holding the best checkpoint, its epoch and
 * validation metrics, every epoch's report, and whether the run stopped early or was cancelled.
 */
public record TrainingResult(Path bundle, int bestEpoch, ClassificationMetrics bestValidation,
        List<EpochReport> history, boolean stoppedEarly, boolean cancelled) {
    public TrainingResult {
        history = List.copyOf(history);
    }
}
