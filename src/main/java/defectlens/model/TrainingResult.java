package defectlens.model;

import java.nio.file.Path;
import java.util.List;

/**
 * The outcome of a training run: the bundle folder holding the best checkpoint, its epoch and
 * validation metrics, every epoch's report, and whether the run stopped early or was cancelled.
 * {@code recoveries} counts the diverged epochs that were rolled back with a halved learning rate;
 * {@code diverged} is true when the run gave up after too many of them (the best checkpoint stays).
 */
public record TrainingResult(Path bundle, int bestEpoch, ClassificationMetrics bestValidation,
        List<EpochReport> history, boolean stoppedEarly, boolean cancelled, int recoveries, boolean diverged) {
    public TrainingResult {
        history = List.copyOf(history);
    }
}
