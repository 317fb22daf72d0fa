package defectlens.wafer;

import defectlens.core.Progress;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.StringJoiner;
import java.util.function.Consumer;

/**
 * The paper's ablation protocol (Tables 3 and 4 of Jeong et al. 2023): every variant x balanced train size x
 * seed trained by {@link WaferTrainingJob} on the same held-out test set (fixed test seed), measured on the
 * test maps and on their seven rotated / flipped copies. Runs already in the {@link AblationResults} are
 * skipped, so a stopped experiment resumes; each finished run is appended at once.
 */
public final class WaferAblation {
    /** The grid of runs and the settings they share. */
    public record Plan(List<WaferVariant> variants, List<Integer> trainSizes, int seeds, WaferClassSet classes,
            double testFraction, long testSeed, double validationFraction, WaferTrainingConfig training) {
    }

    private WaferAblation() {
    }

    /** Runs what is missing; returns how many runs it trained. Stops early (between runs) when cancelled. */
    public static int run(WaferDataset data, Map<String, Object> dataFacts, Plan plan, AblationResults results,
            Consumer<String> log, Progress progress) {
        int trained = 0;
        for (int size : plan.trainSizes()) {
            for (WaferVariant variant : plan.variants()) {
                for (int seed = 0; seed < plan.seeds(); seed++) {
                    if (results.has(variant.id(), plan.classes().id(), size, seed)) {
                        continue;
                    }
                    if (progress.isCancelled()) {
                        return trained;
                    }
                    log.accept(String.format(Locale.ROOT, "run %s %s, %d per class, seed %d", variant.id(),
                            plan.classes().id(), size, seed));
                    WaferTrainingJob.Settings settings = new WaferTrainingJob.Settings(variant, plan.classes(), size,
                            plan.testFraction(), plan.testSeed(), plan.validationFraction(),
                            plan.training().withSeed(seed), 0);
                    long started = System.nanoTime();
                    WaferTrainingJob.Outcome o = WaferTrainingJob.run(data, dataFacts, settings, log, r -> { },
                            progress);
                    try (WaferModel model = o.model()) {
                        if (o.result().cancelled()) {
                            return trained;
                        }
                        Map<String, String> row = new LinkedHashMap<>();
                        row.put("variant", variant.id());
                        row.put("classes", plan.classes().id());
                        row.put("train_per_class", String.valueOf(size));
                        row.put("seed", String.valueOf(seed));
                        row.put("train_maps", String.valueOf(o.plan().train().size()));
                        StringJoiner shortfall = new StringJoiner(";");
                        o.plan().shortfall().forEach((c, n) -> shortfall.add(c + ":" + n));
                        row.put("shortfall", shortfall.toString());
                        row.put("epochs", String.valueOf(o.result().history().size()));
                        row.put("best_epoch", String.valueOf(o.result().bestEpoch() + 1));
                        row.put("stop", o.result().stopReason());
                        row.put("test_n", String.valueOf(o.test().count()));
                        row.put("accuracy", format(o.test().accuracy()));
                        row.put("macro_f1", format(o.test().macroF1()));
                        row.put("rotflip_accuracy", format(o.rotflip().accuracy()));
                        row.put("rotflip_macro_f1", format(o.rotflip().macroF1()));
                        row.put("seconds", String.format(Locale.ROOT, "%.1f", (System.nanoTime() - started) / 1e9));
                        results.append(row);
                        log.accept(String.format(Locale.ROOT, "  accuracy %s, rotflip %s", row.get("accuracy"),
                                row.get("rotflip_accuracy")));
                        trained++;
                    }
                }
            }
        }
        return trained;
    }

    private static String format(double v) {
        return String.format(Locale.ROOT, "%.6f", v);
    }
}
