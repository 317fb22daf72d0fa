package defectlens.review.embedding;

import defectlens.core.HeapWatch;
import defectlens.core.Progress;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.SplittableRandom;

/**
 * "More like this" at the size of the 811k-map file, measured on real embeddings: (1) what the PCA projection (about
 * zero, {@link Pca#fit(float[][], int, boolean)}) costs
 * in recall@10 of the true nearest neighbours, on the real embeddings themselves (exact search at full width
 * against exact search after projection); (2) the HNSW index over {@code items} vectors made from the projected
 * real embeddings repeated with seeded Gaussian noise (each copy = a real embedding + {@code noise} times the
 * per-value standard deviation), because embedding 811k maps with the CNN takes hours: build time, heap, query
 * time and recall@10 against exact search over the same vectors. Recall is given twice: by item identity, and
 * counting ties ({@link SimilarItems#tieAwareRecall}), which is the one that means something where items share an
 * embedding (copies of a map).
 */
public final class SimilarityBenchmark {
    /** What was measured. */
    public record Result(int realItems, int items, int dimensionIn, int dimensionOut, double pcaVarianceKept,
            double pcaRecallAt10, double pcaRecallAt10TieAware, double noise, int distinctItems,
            double buildSeconds, long heapAfterBuildBytes, double queryMedianMillis, double queryP95Millis,
            double queryMaxMillis, int queries, double hnswRecallAt10, double hnswRecallAt10TieAware,
            double exactQueryMedianMillis) {
    }

    private SimilarityBenchmark() {
    }

    /** Runs the benchmark on the real embeddings {@code real} (rows of NaN are skipped). */
    public static Result run(float[][] real, int items, int dims, double noise, int queries, long seed,
            Progress progress) {
        float[][] rows = Arrays.stream(real).filter(r -> !Float.isNaN(r[0])).toArray(float[][]::new);
        Pca pca = Pca.fit(rows, dims, false);
        float[][] projected = Arrays.stream(rows).map(pca::project).toArray(float[][]::new);
        SplittableRandom random = new SplittableRandom(seed);
        List<float[]> fullQueries = new ArrayList<>();
        List<float[]> projectedQueries = new ArrayList<>();
        for (int q = 0; q < Math.min(queries, rows.length); q++) {
            int i = random.nextInt(rows.length);
            fullQueries.add(rows[i]);
            projectedQueries.add(projected[i]);
        }
        ExactIndex fullExact = new ExactIndex(rows);
        ExactIndex projectedExact = new ExactIndex(projected);
        double pcaRecall = recallOfProjection(fullExact, projectedExact, fullQueries, projectedQueries, 10, false);
        double pcaTies = recallOfProjection(fullExact, projectedExact, fullQueries, projectedQueries, 10, true);
        double kept = Arrays.stream(pca.explained()).sum();

        float[][] big = replicate(projected, items, noise, random);
        List<float[]> bigQueries = new ArrayList<>();
        for (int q = 0; q < queries; q++) {
            bigQueries.add(big[random.nextInt(big.length)]);
        }
        HnswSimilarityIndex hnsw;
        double buildSeconds;
        long heap;
        try (HeapWatch watch = new HeapWatch()) {
            long start = System.nanoTime();
            hnsw = HnswSimilarityIndex.build(big, progress);
            buildSeconds = (System.nanoTime() - start) / 1e9;
            heap = watch.usedAfterFullGc();
        }
        double[] millis = new double[bigQueries.size()];
        for (int q = 0; q < millis.length; q++) {
            long t = System.nanoTime();
            hnsw.nearest(bigQueries.get(q), 10);
            millis[q] = (System.nanoTime() - t) / 1e6;
        }
        Arrays.sort(millis);
        ExactIndex exact = new ExactIndex(big);
        double[] exactMillis = new double[Math.min(20, bigQueries.size())];
        for (int q = 0; q < exactMillis.length; q++) {
            long t = System.nanoTime();
            exact.nearest(bigQueries.get(q), 10);
            exactMillis[q] = (System.nanoTime() - t) / 1e6;
        }
        Arrays.sort(exactMillis);
        double recall = SimilarItems.recall(exact, hnsw, bigQueries, 10);
        double ties = SimilarItems.tieAwareRecall(exact, hnsw, bigQueries, 10);
        int p95 = (int) Math.min(millis.length - 1, Math.ceil(0.95 * millis.length) - 1);
        return new Result(rows.length, big.length, rows[0].length, dims, kept, pcaRecall, pcaTies, noise,
                hnsw.distinct(), buildSeconds, heap, millis[millis.length / 2], millis[p95], millis[millis.length - 1],
                millis.length, recall, ties, exactMillis[exactMillis.length / 2]);
    }

    /**
     * The share of the true {@code k} nearest (full width) that exact search after projection finds: by item
     * identity, or ({@code tieAware}) counting every found item whose full-width similarity reaches the k-th true
     * one minus {@link SimilarItems#TIE_TOLERANCE}.
     */
    static double recallOfProjection(ExactIndex full, SimilarityIndex projected, List<float[]> fullQueries,
            List<float[]> projectedQueries, int k, boolean tieAware) {
        double sum = 0;
        for (int q = 0; q < fullQueries.size(); q++) {
            float[] query = fullQueries.get(q);
            sum += SimilarItems.foundShare(full, query, full.nearest(query, k),
                    projected.nearest(projectedQueries.get(q), k), tieAware);
        }
        return sum / fullQueries.size();
    }

    /** The rows without repeats: the first of each set of bit-for-bit identical rows, in their order. */
    public static float[][] distinct(float[][] rows) {
        Set<VectorKey> seen = new HashSet<>();
        List<float[]> out = new ArrayList<>();
        for (float[] r : rows) {
            if (seen.add(new VectorKey(r))) {
                out.add(r);
            }
        }
        return out.toArray(float[][]::new);
    }

    /** {@code items} vectors: the rows in turn, each copy after the first moved by seeded Gaussian noise. */
    static float[][] replicate(float[][] rows, int items, double noise, SplittableRandom random) {
        int d = rows[0].length;
        double[] sd = new double[d];
        for (int j = 0; j < d; j++) {
            double s = 0;
            double s2 = 0;
            for (float[] r : rows) {
                s += r[j];
                s2 += (double) r[j] * r[j];
            }
            double m = s / rows.length;
            sd[j] = Math.sqrt(Math.max(0, s2 / rows.length - m * m));
        }
        float[][] out = new float[items][];
        for (int i = 0; i < items; i++) {
            float[] base = rows[i % rows.length];
            if (i < rows.length) {
                out[i] = base;
                continue;
            }
            float[] v = new float[d];
            for (int j = 0; j < d; j++) {
                v[j] = (float) (base[j] + noise * sd[j] * gaussian(random));
            }
            out[i] = v;
        }
        return out;
    }

    private static double gaussian(SplittableRandom r) {
        double u = 1 - r.nextDouble();
        return Math.sqrt(-2 * Math.log(u)) * Math.cos(2 * Math.PI * r.nextDouble());
    }
}
