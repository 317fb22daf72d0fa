package defectlens.cli.bench;

import defectlens.cli.Json;
import defectlens.cli.JsonOption;
import defectlens.core.DefectLensException;
import defectlens.wafer.RadonBenchmark;
import java.io.PrintWriter;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine;

/** {@code bench radon}: maps per second of the sparse Radon transform of 64x64 maps. */
@Command(
        name = "radon",
        mixinStandardHelpOptions = true,
        description = "Radon transform throughput (64x64 maps, batch of maps, median of repeats).")
public final class BenchRadonCommand implements Callable<Integer> {
    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Option(names = "--angles", split = ",", defaultValue = "64,180", description = "Angle counts (default: ${DEFAULT-VALUE}).")
    int[] angles;

    @Option(names = "--batch", defaultValue = "1000", description = "Maps per batch (default: ${DEFAULT-VALUE}).")
    int batch;

    @Option(names = "--repeats", defaultValue = "5", description = "Timed repeats, the median is reported (default: ${DEFAULT-VALUE}).")
    int repeats;

    @Option(names = "--warmup", defaultValue = "2", description = "Untimed warm-up runs (default: ${DEFAULT-VALUE}).")
    int warmup;

    @Option(names = "--seed", defaultValue = "1", description = "Seed of the wafer-like maps (default: ${DEFAULT-VALUE}).")
    long seed;

    @Mixin
    JsonOption json;

    @Override
    public Integer call() {
        if (batch < 1 || repeats < 1 || warmup < 0 || angles.length == 0) {
            throw new DefectLensException("need --batch >= 1, --repeats >= 1, --warmup >= 0 and at least one angle count");
        }
        for (int a : angles) {
            if (a < 1) {
                throw new DefectLensException("angle counts must be positive: " + a);
            }
        }
        PrintWriter err = spec.commandLine().getErr();
        err.println("radon bench: batch " + batch + ", angles " + java.util.Arrays.toString(angles) + ", "
                + Runtime.getRuntime().availableProcessors() + " processors");
        List<RadonBenchmark.Result> results = RadonBenchmark.run(angles, batch, warmup, repeats, seed);
        PrintWriter out = spec.commandLine().getOut();
        if (json.on()) {
            Map<String, Object> doc = new LinkedHashMap<>();
            doc.put("benchmark", "radon");
            doc.put("size", 64);
            doc.put("processors", Runtime.getRuntime().availableProcessors());
            doc.put("java", System.getProperty("java.version"));
            doc.put("results", results);
            out.println(Json.write(doc));
        } else {
            out.printf("%-11s %6s %6s %9s %10s %9s %11s%n", "input", "angles", "batch", "nonzero", "matrix nnz", "build ms", "maps/s");
            for (RadonBenchmark.Result r : results) {
                out.printf("%-11s %6d %6d %8.1f%% %10d %9.1f %11.0f%n", r.input(), r.angles(), r.batch(),
                        100 * r.meanNonZeroFraction(), r.matrixNonZeros(), r.buildMillis(), r.mapsPerSecond());
            }
        }
        return 0;
    }
}
