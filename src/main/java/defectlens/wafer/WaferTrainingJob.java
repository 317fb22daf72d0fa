package defectlens.wafer;

import defectlens.core.Progress;
import defectlens.model.EpochReport;
import defectlens.model.FileDigest;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Consumer;

/**
 * One training run as {@code wafer train} and {@code wafer experiment} do it: a {@link WaferTrainingPlan}
 * (held-out test set first), {@link WaferTrainer} on the balanced training rows with early stopping on the
 * validation rows, then the held-out test set measured as it is and as its seven rotated / flipped copies.
 * Everything that decides the run goes into the model's provenance ({@code model.json}): data file, size
 * and SHA-256, class set, seeds, fractions, maps per class and shortfall, training facts, test metrics.
 */
public final class WaferTrainingJob {
    /**
     * What the job needs besides the data. {@code timeBudgetMinutes > 0} stops training after the epoch at
     * which another epoch of the same length would overrun the budget (stop reason {@code "time-budget"}).
     */
    public record Settings(WaferVariant variant, WaferClassSet classes, int perClass, double testFraction,
            long testSeed, double validationFraction, WaferTrainingConfig training, double timeBudgetMinutes,
            WaferWidths widths, WaferDistillation distillation) {
        /** A run of a network at the paper's widths with hard labels. */
        public Settings(WaferVariant variant, WaferClassSet classes, int perClass, double testFraction, long testSeed,
                double validationFraction, WaferTrainingConfig training, double timeBudgetMinutes) {
            this(variant, classes, perClass, testFraction, testSeed, validationFraction, training, timeBudgetMinutes,
                    WaferWidths.PAPER, null);
        }

        /** The same run distilled from a teacher into a network of the given widths. */
        public Settings distilled(WaferWidths studentWidths, WaferDistillation teacher) {
            return new Settings(variant, classes, perClass, testFraction, testSeed, validationFraction, training,
                    timeBudgetMinutes, studentWidths, teacher);
        }
    }

    /** The trained model (caller closes it), its plan and the held-out metrics. */
    public record Outcome(WaferTrainingResult result, WaferTrainingPlan plan, WaferMetrics test, WaferMetrics rotflip) {
        public WaferModel model() {
            return result.model();
        }
    }

    private WaferTrainingJob() {
    }

    public static Outcome run(WaferDataset data, Map<String, Object> dataFacts, Settings s,
            Consumer<String> log, Consumer<EpochReport> epochs, Progress progress) {
        WaferTrainingPlan plan = WaferTrainingPlan.of(data, s.classes(), s.testFraction(), s.testSeed(),
                s.validationFraction(), s.perClass(), s.training().seed());
        log.accept("test " + plan.test().size() + ", validation " + plan.validation().size() + ", train "
                + plan.train().size() + " maps " + WaferTrainingPlan.counts(data, plan.train(), s.classes()));
        if (!plan.shortfall().isEmpty()) {
            log.accept("shortfall: fewer than " + s.perClass() + " training maps for " + plan.shortfall());
        }
        Map<String, Object> provenance = new LinkedHashMap<>();
        provenance.put("data", dataFacts);
        provenance.put("classSet", s.classes().id());
        Map<String, Object> split = new LinkedHashMap<>();
        split.put("testFraction", s.testFraction());
        split.put("testSeed", s.testSeed());
        split.put("testMethod", "WaferSampling.stratified(data, classSet, testFraction, testSeed).second()");
        split.put("validationFraction", s.validationFraction());
        split.put("seed", s.training().seed());
        split.put("trainPerClass", s.perClass());
        split.put("trainCounts", WaferTrainingPlan.counts(data, plan.train(), s.classes()));
        split.put("validationCounts", WaferTrainingPlan.counts(data, plan.validation(), s.classes()));
        split.put("testCounts", WaferTrainingPlan.counts(data, plan.test(), s.classes()));
        split.put("shortfall", plan.shortfall());
        provenance.put("split", split);
        LabelledMaps train = WaferTrainingPlan.labelled(data, plan.train(), s.classes().classes());
        LabelledMaps validation = WaferTrainingPlan.labelled(data, plan.validation(), s.classes().classes());
        if (!s.widths().equals(WaferWidths.PAPER)) {
            provenance.put("widths", s.widths().toJson());
        }
        WaferTrainer.SoftTargets soft = null;
        long jobStart = System.nanoTime();
        if (s.distillation() != null) {
            long t0 = System.nanoTime();
            soft = s.distillation().softTargets(train, validation, progress);
            log.accept(String.format(java.util.Locale.ROOT, "teacher targets of %d maps in %.1f s",
                    train.size() + validation.size(), (System.nanoTime() - t0) / 1e9));
            provenance.put("distillation", s.distillation().provenance());
        }
        // the budget covers the whole run: what the teacher targets took is taken off it (at least a minute stays)
        double targetMinutes = (System.nanoTime() - jobStart) / 60e9;
        TimeBudget budget = new TimeBudget(s.timeBudgetMinutes() <= 0 ? 0
                : Math.max(1, s.timeBudgetMinutes() - targetMinutes));
        WaferTrainingResult result = new WaferTrainer(s.training()).train(s.variant(), s.widths(),
                s.classes().classes(), train, validation, soft, provenance, r -> {
                    budget.epochEnded();
                    epochs.accept(r);
                }, new Progress() {
                    @Override
                    public void update(double fraction, String message) {
                        progress.update(fraction, message);
                    }

                    @Override
                    public boolean isCancelled() {
                        return progress.isCancelled() || budget.exhausted();
                    }
                });
        if (budget.exhausted() && !progress.isCancelled()) {
            log.accept("time budget of " + s.timeBudgetMinutes() + " minutes reached after " + result.history().size() + " epochs");
            result = new WaferTrainingResult(result.model(), result.history(), result.bestEpoch(),
                    result.bestValidationLoss(), "time-budget");
            if (result.model().provenance().get("training") instanceof Map<?, ?> facts) {
                Map<String, Object> updated = new LinkedHashMap<>();
                facts.forEach((k, v) -> updated.put(k.toString(), v));
                updated.put("stopReason", "time-budget");
                updated.put("timeBudgetMinutes", s.timeBudgetMinutes());
                result.model().putProvenance("training", updated);
            }
        }
        try {
            LabelledMaps test = WaferTrainingPlan.labelled(data, plan.test(), s.classes().classes());
            WaferMetrics original = WaferEvaluation.measure(result.model(), test, AugmentedTestSet.NONE);
            WaferMetrics rotflip = WaferEvaluation.measure(result.model(), test, AugmentedTestSet.ROTFLIP);
            result.model().putProvenance("heldOutTest", WaferEvaluation.heldOutFacts(original, rotflip));
            return new Outcome(result, plan, original, rotflip);
        } catch (RuntimeException e) {
            result.model().close();
            throw e;
        }
    }

    /** Wall-clock budget checked at epoch ends: exhausted when one more epoch like the last would overrun it. */
    private static final class TimeBudget {
        private final long budgetNanos;
        private final long started = System.nanoTime();
        private long lastEnd = started;
        private volatile boolean exhausted;

        TimeBudget(double minutes) {
            this.budgetNanos = minutes > 0 ? (long) (minutes * 60e9) : Long.MAX_VALUE;
        }

        void epochEnded() {
            long now = System.nanoTime();
            long epoch = now - lastEnd;
            lastEnd = now;
            if (budgetNanos != Long.MAX_VALUE && now - started + epoch > budgetNanos) {
                exhausted = true;
            }
        }

        boolean exhausted() {
            return exhausted;
        }
    }

    /** File name, size in bytes and SHA-256 of a data file, as recorded in provenance. */
    public static Map<String, Object> fileFacts(Path file, int maps) throws IOException {
        Map<String, Object> facts = new LinkedHashMap<>();
        facts.put("file", file.getFileName().toString());
        facts.put("bytes", Files.size(file));
        facts.put("sha256", FileDigest.sha256(file));
        facts.put("maps", maps);
        return facts;
    }
}
