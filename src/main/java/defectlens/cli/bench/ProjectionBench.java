package defectlens.cli.bench;

import defectlens.cli.InterruptCancellation;
import defectlens.cli.Json;
import defectlens.cli.TerminalProgress;
import defectlens.core.DefectLensException;
import defectlens.wafer.InvalidRows;
import defectlens.wafer.WaferDataset;
import defectlens.wafer.WaferModel;
import defectlens.wafer.WaferModelBundle;
import defectlens.wafer.WaferPickleReader;
import defectlens.review.embedding.EmbeddingRun;
import defectlens.review.embedding.EmbeddingTable;
import defectlens.review.embedding.ProjectionBenchmark;
import defectlens.review.embedding.WaferEmbedder;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import picocli.CommandLine.Model.CommandSpec;

/**
 * {@code bench similar --data FILE [--rows N]}: embeds the maps of a wafer file (single pass, full width, no cache)
 * and measures what keeping them projected costs ({@link ProjectionBenchmark}), with the embedding time.
 */
final class ProjectionBench {
    private final CommandSpec spec;
    private final Path data;
    private final Path model;
    private final Integer rows;
    private final int[] widths;
    private final int queries;
    private final long seed;
    private final boolean json;

    ProjectionBench(CommandSpec spec, Path data, Path model, Integer rows, int[] widths, int queries, long seed,
            boolean json) {
        this.spec = spec;
        this.data = data;
        this.model = model;
        this.rows = rows;
        this.widths = widths;
        this.queries = queries;
        this.seed = seed;
        this.json = json;
    }

    Integer call() {
        if (!Files.isRegularFile(data)) {
            throw new DefectLensException(data, "no such wafer file");
        }
        PrintWriter err = spec.commandLine().getErr();
        Map<String, Object> doc = new LinkedHashMap<>();
        try (InterruptCancellation cancel = new InterruptCancellation();
                TerminalProgress p = new TerminalProgress(err, "bench similar", cancel);
                WaferModel m = WaferModelBundle.load(model)) {
            long t0 = System.nanoTime();
            WaferDataset all = WaferPickleReader.read(data, p, InvalidRows.SKIP);
            doc.put("read_seconds", (System.nanoTime() - t0) / 1e9);
            WaferDataset d = rows == null || rows >= all.size() ? all
                    : new WaferDataset(all.source(), all.layout(), all.maps().subList(0, rows));
            doc.put("file_maps", all.size());
            WaferEmbedder embedder = new WaferEmbedder(m, false);
            EmbeddingTable table = EmbeddingTable.empty(d.size(), embedder.dimension(), m.classes());
            t0 = System.nanoTime();
            new EmbeddingRun(t -> { }).wafer(embedder, d, null, table, p);
            if (p.isCancelled()) {
                err.println("cancelled: nothing measured");
                return 130;
            }
            double embed = (System.nanoTime() - t0) / 1e9;
            doc.put("embed_seconds", embed);
            doc.put("maps_per_second", d.size() / embed);
            float[][] v = new float[table.size()][];
            for (int i = 0; i < v.length; i++) {
                v[i] = table.vector(i);
            }
            doc.put("result", ProjectionBenchmark.run(v, widths, queries, seed, p));
        }
        PrintWriter out = spec.commandLine().getOut();
        if (json) {
            out.println(Json.write(doc));
            return 0;
        }
        ProjectionBenchmark.Result r = (ProjectionBenchmark.Result) doc.get("result");
        out.println(String.format(Locale.ROOT, "%d maps embedded in %.0f s (%.0f maps/s), %d values; exact query at "
                + "full width %.1f ms", r.maps(), doc.get("embed_seconds"), doc.get("maps_per_second"),
                r.fullDimension(), r.fullExactQueryMedianMillis()));
        for (ProjectionBenchmark.AtWidth w : r.widths()) {
            out.println(String.format(Locale.ROOT, "PCA %d: variance %.1f %%, exact recall@10 %.3f, cache %.0f MB; "
                    + "HNSW built in %.1f s, heap %.2f GB, query median %.2f ms p95 %.2f ms, recall@10 %.3f "
                    + "(vs projected exact %.3f)", w.dims(), 100 * w.varianceKept(), w.exactRecallAt10(),
                    w.cacheMegabytes(), w.buildSeconds(), w.heapAfterBuildBytes() / 1e9, w.queryMedianMillis(),
                    w.queryP95Millis(), w.hnswRecallAt10VsFull(), w.hnswRecallAt10VsProjected()));
        }
        return 0;
    }
}
