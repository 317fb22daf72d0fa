package defectlens.review.embedding;

import defectlens.core.HeapWatch;
import defectlens.core.Progress;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * What keeping a large data set's embeddings projected costs, measured on real embeddings (every map of a file
 * or of its first rows, at full width): for each projection width, the share of the sample's variance kept, the
 * recall@10 of exact search after projection against exact search at full width (the truth), the cache's size,
 * and the HNSW index over the projected vectors - build time, heap after a full GC, query times, and its recall@10
 * against full-width exact search (end to end) and against exact search after projection (the graph alone).
 */
public final class ProjectionBenchmark {
    /** The figures of one projection width. */
    public record AtWidth(int dims, double varianceKept, double exactRecallAt10, double cacheMegabytes,
            double buildSeconds, long heapAfterBuildBytes, double queryMedianMillis, double queryP95Millis,
            double hnswRecallAt10VsProjected, double hnswRecallAt10VsFull, double projectedExactQueryMedianMillis) {
    }

    /** Everything measured. */
    public record Result(int maps, int fullDimension, int queries, double fullExactQueryMedianMillis,
            List<AtWidth> widths) {
    }

    static final int K = 10;

    private ProjectionBenchmark() {
    }

    /** Runs the benchmark on the full-width embeddings {@code full} (rows of NaN are left out). */
    public static Result run(float[][] full, int[] widths, int queries, long seed, Progress progress) {
        float[][] rows = Arrays.stream(full).filter(r -> !Float.isNaN(r[0])).toArray(float[][]::new);
        int[] queryRows = ProjectedEmbeddings.sample(rows.length, queries, seed);
        ExactIndex fullExact = new ExactIndex(rows);
        List<Set<Integer>> truth = new ArrayList<>();
        double[] fullMillis = new double[queryRows.length];
        for (int q = 0; q < queryRows.length; q++) {
            long t = System.nanoTime();
            truth.add(items(fullExact.nearest(rows[queryRows[q]], K)));
            fullMillis[q] = (System.nanoTime() - t) / 1e6;
        }
        int[] sampleRows = ProjectedEmbeddings.sample(rows.length, ProjectedEmbeddings.SAMPLE, 0);
        float[][] sample = Arrays.stream(sampleRows).mapToObj(i -> rows[i]).toArray(float[][]::new);
        List<AtWidth> out = new ArrayList<>();
        for (int dims : widths) {
            Pca pca = Pca.fit(sample, dims, false);
            float[][] projected = Arrays.stream(rows).map(pca::project).toArray(float[][]::new);
            ExactIndex exact = new ExactIndex(projected);
            double[] exactMillis = new double[queryRows.length];
            List<Set<Integer>> projectedTruth = new ArrayList<>();
            for (int q = 0; q < queryRows.length; q++) {
                long t = System.nanoTime();
                projectedTruth.add(items(exact.nearest(projected[queryRows[q]], K)));
                exactMillis[q] = (System.nanoTime() - t) / 1e6;
            }
            HnswSimilarityIndex hnsw;
            double build;
            long heap;
            try (HeapWatch watch = new HeapWatch()) {
                long t = System.nanoTime();
                hnsw = HnswSimilarityIndex.build(projected, progress);
                build = (System.nanoTime() - t) / 1e9;
                heap = watch.usedAfterFullGc();
            }
            double[] millis = new double[queryRows.length];
            List<Set<Integer>> found = new ArrayList<>();
            for (int q = 0; q < queryRows.length; q++) {
                long t = System.nanoTime();
                found.add(items(hnsw.nearest(projected[queryRows[q]], K)));
                millis[q] = (System.nanoTime() - t) / 1e6;
            }
            out.add(new AtWidth(dims, Arrays.stream(pca.explained()).sum(), recall(truth, projectedTruth),
                    rows.length * (double) dims * Float.BYTES / 1e6, build, heap, median(millis),
                    percentile(millis, 0.95), recall(projectedTruth, found), recall(truth, found),
                    median(exactMillis)));
        }
        return new Result(rows.length, rows[0].length, queryRows.length, median(fullMillis), out);
    }

    private static Set<Integer> items(List<Neighbour> found) {
        Set<Integer> s = new HashSet<>();
        found.forEach(n -> s.add(n.item()));
        return s;
    }

    /** The mean share of each truth set found. */
    static double recall(List<Set<Integer>> truth, List<Set<Integer>> found) {
        double sum = 0;
        for (int q = 0; q < truth.size(); q++) {
            Set<Integer> t = truth.get(q);
            sum += t.isEmpty() ? 1 : found.get(q).stream().filter(t::contains).count() / (double) t.size();
        }
        return truth.isEmpty() ? Double.NaN : sum / truth.size();
    }

    private static double median(double[] v) {
        return percentile(v, 0.5);
    }

    private static double percentile(double[] v, double p) {
        double[] s = v.clone();
        Arrays.sort(s);
        return s.length == 0 ? Double.NaN : s[(int) Math.min(s.length - 1, Math.max(0, Math.ceil(p * s.length) - 1))];
    }
}
