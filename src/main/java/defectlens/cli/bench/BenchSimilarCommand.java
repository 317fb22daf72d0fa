package defectlens.cli.bench;

import defectlens.cli.InterruptCancellation;
import defectlens.cli.Json;
import defectlens.cli.JsonOption;
import defectlens.cli.TerminalProgress;
import defectlens.core.DefectLensException;
import defectlens.image.NpyFile;
import defectlens.review.embedding.SimilarityBenchmark;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code bench similar EMBEDDINGS_DIR}: "more like this" at 811k items: PCA's cost in recall on the real embeddings
 * of an embeddings cache folder (made by {@code review novelty}), then HNSW build time, heap, query time and
 * recall@10 on that many vectors made from them (docs/benchmarks.md, "More like this").
 */
@Command(name = "similar", mixinStandardHelpOptions = true,
        description = "More like this: PCA recall cost, HNSW build time, heap, query time and recall@10 at 811k items.")
public final class BenchSimilarCommand implements Callable<Integer> {
    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;
    @Parameters(index = "0", arity = "0..1", paramLabel = "EMBEDDINGS_DIR",
            description = "an embeddings cache folder (vectors.npy), e.g. made by 'review novelty'")
    Path dir;
    @Option(names = "--data", paramLabel = "FILE", description = "instead of EMBEDDINGS_DIR: embed the maps of this "
            + "wafer file (or its first --rows) at full width and measure the projections of --widths on them")
    Path data;
    @Option(names = "--model", paramLabel = "MODEL_DIR", defaultValue = "models/wafer-proposed-paper7",
            description = "with --data: the wafer model bundle (default ${DEFAULT-VALUE})")
    Path model;
    @Option(names = "--rows", paramLabel = "N", description = "with --data: only the first N maps of the file")
    Integer rows;
    @Option(names = "--widths", split = ",", defaultValue = "64,128",
            description = "with --data: projection widths to measure (default ${DEFAULT-VALUE})")
    int[] widths;
    @Option(names = "--items", defaultValue = "810340", description = "vectors in the index (default ${DEFAULT-VALUE})")
    int items;
    @Option(names = "--dims", defaultValue = "128", description = "values kept by PCA (default ${DEFAULT-VALUE})")
    int dims;
    @Option(names = "--noise", defaultValue = "0.1",
            description = "noise of the copies, in per-value standard deviations (default ${DEFAULT-VALUE})")
    double noise;
    @Option(names = "--distinct-real", description = "keep one of each set of identical real embeddings before making "
            + "the --items vectors (a file with copies of its maps then gives --items distinct vectors)")
    boolean distinctReal;
    @Option(names = "--queries", defaultValue = "200", description = "timed queries (default ${DEFAULT-VALUE})")
    int queries;
    @Option(names = "--seed", defaultValue = "1")
    long seed;
    @Mixin
    JsonOption json;

    @Override
    public Integer call() {
        if (data != null) {
            return new ProjectionBench(spec, data, model, rows, widths, queries, seed, json.on()).call();
        }
        if (dir == null) {
            throw new DefectLensException("give an embeddings folder or --data FILE");
        }
        Path file = dir.resolve("vectors.npy");
        if (!Files.isRegularFile(file)) {
            throw new DefectLensException(file, "no embeddings here (run 'review novelty' to make them)");
        }
        NpyFile.Array a = NpyFile.read(file);
        if (a.shape().length != 2) {
            throw new DefectLensException(file, "not a table of embeddings");
        }
        int d = a.shape()[1];
        float[][] rows = new float[a.shape()[0]][];
        for (int i = 0; i < rows.length; i++) {
            rows[i] = java.util.Arrays.copyOfRange(a.data(), i * d, (i + 1) * d);
        }
        SimilarityBenchmark.Result r;
        try (InterruptCancellation cancel = new InterruptCancellation();
                TerminalProgress p = new TerminalProgress(spec.commandLine().getErr(), "bench similar", cancel)) {
            r = SimilarityBenchmark.run(distinctReal ? SimilarityBenchmark.distinct(rows) : rows, items, dims, noise,
                    queries, seed, p);
        }
        if (json.on()) {
            spec.commandLine().getOut().println(Json.write(r));
        } else {
            spec.commandLine().getOut().println(String.format(Locale.ROOT, "%d real embeddings of %d values -> PCA %d "
                    + "(%.1f %% of the variance): recall@10 of exact search %.3f (ties counted %.3f)%n%d vectors "
                    + "(noise %.2f sd, %d distinct): HNSW built in %.1f s, heap after build %.2f GB; query median "
                    + "%.2f ms, p95 %.2f ms, max %.2f ms (%d queries); recall@10 vs exact %.3f by item, %.3f ties "
                    + "counted (exact query median %.0f ms)", r.realItems(), r.dimensionIn(), r.dimensionOut(),
                    100 * r.pcaVarianceKept(), r.pcaRecallAt10(), r.pcaRecallAt10TieAware(), r.items(), r.noise(),
                    r.distinctItems(), r.buildSeconds(), r.heapAfterBuildBytes() / 1e9, r.queryMedianMillis(),
                    r.queryP95Millis(), r.queryMaxMillis(), r.queries(), r.hnswRecallAt10(),
                    r.hnswRecallAt10TieAware(), r.exactQueryMedianMillis()));
        }
        return 0;
    }
}
