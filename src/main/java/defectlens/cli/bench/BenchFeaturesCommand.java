package defectlens.cli.bench;

import defectlens.cli.Json;
import defectlens.cli.JsonOption;
import defectlens.cli.TerminalProgress;
import defectlens.core.DefectLensException;
import defectlens.wafer.InvalidRows;
import defectlens.wafer.WaferDataset;
import defectlens.wafer.WaferMap;
import defectlens.wafer.WaferPickleReader;
import defectlens.wafer.features.FeatureExtractor;
import java.io.PrintWriter;
import java.lang.management.ManagementFactory;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.atomic.AtomicLong;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine;

/** {@code bench features}: how long the 59 wafer features of every map of a pickle take (reading timed apart). */
@Command(
        name = "features",
        mixinStandardHelpOptions = true,
        description = "Throughput of the 59 hand-crafted wafer features over a whole WM-811K pickle.")
public final class BenchFeaturesCommand implements Callable<Integer> {
    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Option(names = "--data", required = true, paramLabel = "FILE", description = "WM-811K pickle")
    Path data;

    @Option(names = "--limit", paramLabel = "N", description = "only the first N maps")
    Integer limit;

    @Mixin
    JsonOption json;

    @Override
    public Integer call() {
        if (limit != null && limit < 1) {
            throw new DefectLensException(data, "--limit must be at least 1");
        }
        PrintWriter err = spec.commandLine().getErr();
        long t0 = System.nanoTime();
        WaferDataset dataset;
        try (TerminalProgress progress = new TerminalProgress(err, "reading " + data)) {
            dataset = WaferPickleReader.read(data, progress, InvalidRows.SKIP);
        }
        double readSeconds = (System.nanoTime() - t0) / 1e9;
        List<WaferMap> maps = limit == null || limit >= dataset.size() ? dataset.maps() : dataset.maps().subList(0, limit);
        AtomicLong undefined = new AtomicLong();
        AtomicLong dies = new AtomicLong();
        maps.forEach(m -> dies.addAndGet((long) m.rows() * m.cols()));
        long cpu0 = processCpuNanos();
        long t1 = System.nanoTime();
        try (TerminalProgress progress = new TerminalProgress(err, "features")) {
            FeatureExtractor.run(maps, (first, rows) -> {
                for (double[] r : rows) {
                    if (Double.isNaN(r[0])) {
                        undefined.incrementAndGet();
                    }
                }
            }, progress);
        }
        double seconds = (System.nanoTime() - t1) / 1e9;
        double cpuSeconds = (processCpuNanos() - cpu0) / 1e9;
        Map<String, Object> doc = new LinkedHashMap<>();
        doc.put("benchmark", "features");
        doc.put("data", data.toString());
        doc.put("maps", maps.size());
        doc.put("mean_dies_per_map", (double) dies.get() / Math.max(1, maps.size()));
        doc.put("undefined", undefined.get());
        doc.put("read_seconds", readSeconds);
        doc.put("feature_seconds", seconds);
        doc.put("maps_per_second", maps.size() / seconds);
        doc.put("cpu_seconds", cpuSeconds);
        doc.put("cpu_ms_per_map", 1000 * cpuSeconds / Math.max(1, maps.size()));
        doc.put("load_average", ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage());
        doc.put("processors", Runtime.getRuntime().availableProcessors());
        doc.put("java", System.getProperty("java.version"));
        PrintWriter out = spec.commandLine().getOut();
        if (json.on()) {
            out.println(Json.write(doc));
        } else {
            out.println(String.format(Locale.ROOT, "%d maps (%.0f dies each on average, %d with NaN features): read in"
                    + " %.1f s, features in %.1f s = %.0f maps/s on %d processors (%.1f CPU s, %.3f CPU ms per map;"
                    + " load average %.1f)", maps.size(), (double) dies.get() / Math.max(1, maps.size()),
                    undefined.get(), readSeconds, seconds, maps.size() / seconds,
                    Runtime.getRuntime().availableProcessors(), cpuSeconds,
                    1000 * cpuSeconds / Math.max(1, maps.size()),
                    ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage()));
        }
        return 0;
    }

    /** CPU time of this process (all threads), or -1 where the JVM does not tell it. */
    private static long processCpuNanos() {
        if (ManagementFactory.getOperatingSystemMXBean() instanceof com.sun.management.OperatingSystemMXBean os) {
            return os.getProcessCpuTime();
        }
        return -1;
    }
}
