package defectlens.cli.wafer;

import defectlens.cli.InterruptCancellation;
import defectlens.cli.Json;
import defectlens.cli.JsonOption;
import defectlens.cli.TerminalProgress;
import defectlens.core.DefectLensException;
import defectlens.core.OutputFile;
import defectlens.wafer.WaferDataset;
import defectlens.wafer.WaferMap;
import defectlens.wafer.features.FeatureCsv;
import defectlens.wafer.features.FeatureExtractor;
import defectlens.wafer.features.WaferFeatures;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.PrintWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine;

/**
 * {@code defectlens wafer features}: the 59 hand-crafted features of every map of a pickle as CSV, written chunk by
 * chunk (Ctrl-C stops after the current chunk and keeps the rows written, exit code 130). Maps with a side under 5
 * dies get NaN and are counted in the summary.
 */
@Command(name = "features", mixinStandardHelpOptions = true,
        description = "Write the 59 wafer-map features (13 densities, 40 Radon, 6 geometry) of every map as CSV.")
public final class WaferFeaturesCommand implements Callable<Integer> {
    @Option(names = "--data", required = true, paramLabel = "FILE", description = "WM-811K pickle")
    Path data;

    @Option(names = "--out", required = true, paramLabel = "FILE.csv", description = "the CSV to write")
    Path out;

    @Option(names = "--limit", paramLabel = "N", description = "only the first N maps")
    Integer limit;

    @Option(names = "--force", description = "Replace the --out file if it exists.")
    boolean force;

    @Mixin
    JsonOption json;

    @Mixin
    InvalidRowsOption invalidRows;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() {
        if (limit != null && limit < 0) {
            throw new DefectLensException(out, "--limit must not be negative");
        }
        OutputFile.checkTarget(out, force);
        PrintWriter err = spec.commandLine().getErr();
        WaferDataset dataset = invalidRows.read(data, err);
        List<WaferMap> maps = limit == null || limit >= dataset.size() ? dataset.maps() : dataset.maps().subList(0, limit);
        long start = System.nanoTime();
        try (InterruptCancellation cancel = new InterruptCancellation();
                TerminalProgress progress = new TerminalProgress(err, "wafer features", cancel);
                OutputFile.Pending pending = OutputFile.begin(out, force)) {
            Writer file = new OutputStreamWriter(pending.stream(), StandardCharsets.UTF_8);
            FeatureCsv csv = new FeatureCsv(file);
            int done = FeatureExtractor.run(maps, (first, rows) -> {
                try {
                    csv.write(maps, first, rows);
                } catch (IOException e) {
                    throw OutputFile.problem(out, e);
                }
            }, progress);
            progress.close();
            file.flush();
            pending.commit();
            double seconds = (System.nanoTime() - start) / 1e9;
            Map<String, Object> summary = new LinkedHashMap<>();
            summary.put("data", data.toString());
            summary.put("csv", out.toString());
            summary.put("maps", maps.size());
            summary.put("written", done);
            summary.put("undefined", csv.undefinedCount());
            summary.put("features", WaferFeatures.COUNT);
            summary.put("seconds", Math.round(seconds * 100) / 100.0);
            summary.put("cancelled", done < maps.size());
            invalidRows.addTo(summary, dataset);
            PrintWriter stdout = spec.commandLine().getOut();
            if (json.on()) {
                stdout.println(Json.write(summary));
            } else {
                stdout.println(String.format(Locale.ROOT, "features of %d of %d maps written to %s in %.1f s; "
                        + "%d maps with a side under %d dies have NaN features", done, maps.size(), out, seconds,
                        csv.undefinedCount(), WaferFeatures.MIN_SIDE));
            }
            stdout.flush();
            return done < maps.size() ? 130 : 0;
        } catch (IOException e) {
            throw OutputFile.problem(out, e);
        }
    }
}
