package defectlens.cli.bench;

import defectlens.cli.Json;
import defectlens.cli.JsonOption;
import defectlens.cli.TerminalProgress;
import defectlens.core.DefectLensException;
import defectlens.core.HeapWatch;
import defectlens.review.PredictionTable;
import defectlens.review.QueueOrder;
import defectlens.review.QueueSpec;
import defectlens.review.ReviewBenchmark;
import defectlens.review.ReviewFolder;
import defectlens.review.ReviewSetup;
import defectlens.review.SimulatedPredictions;
import defectlens.wafer.InvalidRows;
import defectlens.wafer.WaferDataset;
import defectlens.wafer.WaferModel;
import defectlens.wafer.WaferModelBundle;
import defectlens.wafer.WaferPickleReader;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code bench review DIR}: how fast a review opens and re-sorts from its cached predictions, the heap it needs, and
 * how long a keystroke decision takes to reach the disk. With {@code --data} and {@code --model} a missing review
 * folder is made first, its predictions filled with seeded stand-ins ({@code --simulate SEED}) because classifying
 * 811,457 maps takes hours; opening and sorting do not depend on where the probabilities came from.
 */
@Command(name = "review", mixinStandardHelpOptions = true,
        description = "Review desk: open + re-sort from cached predictions, heap, keystroke decision latency.")
public final class BenchReviewCommand implements Callable<Integer> {
    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;
    @Parameters(index = "0", paramLabel = "REVIEW_DIR")
    Path dir;
    @Option(names = "--data", paramLabel = "FILE", description = "Wafer file to make the review from when REVIEW_DIR is missing.")
    Path data;
    @Option(names = "--model", paramLabel = "MODEL_DIR", description = "Wafer model bundle for a new review.")
    Path model;
    @Option(names = "--simulate", defaultValue = "1", paramLabel = "SEED",
            description = "Seed of the stand-in predictions of a new review (default ${DEFAULT-VALUE}).")
    long seed;
    @Option(names = "--keystrokes", defaultValue = "200", description = "Keystroke decisions to time (default ${DEFAULT-VALUE}).")
    int keystrokes;
    @Option(names = "--reviewer", defaultValue = "bench", description = "Reviewer whose journal the keystrokes go to.")
    String reviewer;
    @Option(names = "--load-data", description = "Also read the wafer file (as the window does after showing the queue) "
            + "and report the heap with the maps loaded.")
    boolean loadData;
    @Mixin
    JsonOption json;

    @Override
    public Integer call() {
        PrintWriter err = spec.commandLine().getErr();
        Map<String, Object> doc = new LinkedHashMap<>();
        doc.put("benchmark", "review");
        doc.put("processors", Runtime.getRuntime().availableProcessors());
        doc.put("java", System.getProperty("java.version"));
        if (!Files.exists(dir)) {
            doc.put("setup", create(err));
        }
        doc.put("json_library_start_millis", ReviewBenchmark.warmUp());
        ReviewBenchmark.Opening open = ReviewBenchmark.open(dir);
        doc.put("open", open);
        ReviewBenchmark.Opening reopen = ReviewBenchmark.open(dir);
        doc.put("reopen", reopen);
        if (keystrokes > 0) {
            doc.put("keystrokes", ReviewBenchmark.keystrokes(dir, ReviewFolder.checkReviewer(reviewer), keystrokes));
        }
        if (loadData) {
            try (HeapWatch heap = new HeapWatch(); TerminalProgress p = new TerminalProgress(err, "reading the maps")) {
                long start = System.nanoTime();
                ReviewFolder f = ReviewFolder.open(dir);
                WaferDataset d = WaferPickleReader.read(f.dataPath(), p, InvalidRows.SKIP);
                Map<String, Object> load = new LinkedHashMap<>();
                load.put("maps", d.size());
                load.put("seconds", (System.nanoTime() - start) / 1e9);
                heap.close();
                load.put("peak_heap_bytes", heap.peak());
                load.put("heap_after_gc_bytes", heap.usedAfterFullGc());
                java.lang.ref.Reference.reachabilityFence(d);
                doc.put("load_data", load);
            }
        }
        if (json.on()) {
            spec.commandLine().getOut().println(Json.write(doc));
        } else {
            spec.commandLine().getOut().println(text(open, doc));
            spec.commandLine().getOut().println(String.format(Locale.ROOT, "opened again in the same JVM (as a running "
                    + "window reopens a review): %.0f ms", reopen.totalMillis()));
        }
        return 0;
    }

    private Map<String, Object> create(PrintWriter err) {
        if (data == null || model == null) {
            throw new DefectLensException(dir, "no such review; give --data and --model to make one for the benchmark");
        }
        long start = System.nanoTime();
        WaferDataset d;
        try (TerminalProgress p = new TerminalProgress(err, "reading " + data.getFileName())) {
            d = WaferPickleReader.read(data, p, InvalidRows.SKIP);
        }
        double read = (System.nanoTime() - start) / 1e9;
        List<String> classes;
        try (WaferModel m = WaferModelBundle.load(model)) {
            classes = m.classes();
        }
        start = System.nanoTime();
        ReviewFolder f = ReviewSetup.wafer(dir, d, String.valueOf(model.toAbsolutePath().normalize().getFileName()), model,
                classes, QueueSpec.of(QueueOrder.LEAST_CERTAIN), true);
        double created = (System.nanoTime() - start) / 1e9;
        PredictionTable t = f.predictions().orElseThrow();
        SimulatedPredictions.fill(t, seed);
        f.savePredictions(t);
        err.println("made " + dir + " with " + t.size() + " simulated predictions (seed " + seed + ")");
        Map<String, Object> setup = new LinkedHashMap<>();
        setup.put("maps", d.size());
        setup.put("read_seconds", read);
        setup.put("create_seconds_with_fingerprint", created);
        setup.put("predictions", "simulated, seed " + seed);
        return setup;
    }

    private static String text(ReviewBenchmark.Opening open, Map<String, Object> doc) {
        StringBuilder s = new StringBuilder();
        s.append(String.format(Locale.ROOT, "JSON library started first (as in a running window): %.0f ms%n",
                (Double) doc.get("json_library_start_millis")));
        s.append(String.format(Locale.ROOT, "review of %d items (%d classified, %d decision lines)%n", open.items(),
                open.classified(), open.decisions()));
        open.millis().forEach((step, ms) -> s.append(String.format(Locale.ROOT, "  %-40s %9.1f ms%n", step, ms)));
        s.append(String.format(Locale.ROOT, "open + least-certain queue + confusion: %.0f ms; peak heap %.2f GB, "
                + "kept %.2f GB (max %.2f GB)%n", open.totalMillis(), open.peakHeapBytes() / 1e9,
                open.heapAfterGcBytes() / 1e9, open.heapMaxBytes() / 1e9));
        if (doc.get("keystrokes") instanceof ReviewBenchmark.Keystrokes k) {
            s.append(String.format(Locale.ROOT, "%d keystroke decisions (append + fsync + ledger): median %.1f ms, "
                    + "p95 %.1f ms, max %.1f ms%n", k.count(), k.medianMillis(), k.p95Millis(), k.maxMillis()));
        }
        if (doc.get("load_data") instanceof Map<?, ?> m) {
            s.append(String.format(Locale.ROOT, "maps read in %.1f s; peak heap %.2f GB, kept %.2f GB with the review",
                    (Double) m.get("seconds"), ((Long) m.get("peak_heap_bytes")) / 1e9,
                    ((Long) m.get("heap_after_gc_bytes")) / 1e9));
        }
        return s.toString();
    }
}
