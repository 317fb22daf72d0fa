package defectlens.review.embedding;

import defectlens.core.OutputFile;
import defectlens.core.Progress;
import defectlens.image.NpyFile;
import defectlens.wafer.WaferDataset;
import defectlens.wafer.WaferMap;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.SplittableRandom;

/**
 * The embeddings of a large wafer file kept at bounded memory for "more like this": an uncentred PCA (cosines
 * survive) fitted on the full-width embeddings of a seeded sample of {@value #SAMPLE} maps, then every map embedded
 * and kept projected to {@code dims} values (float32: 811,457 x 128 x 4 bytes = 415 MB instead of 831 MB at 256).
 * Kept in the sub-folder {@code pca<dims>} of the embeddings cache: the projection ({@value #AXES},
 * {@value #MEAN}) is written before the first rows, so a cancelled run goes on with the same projection; the
 * table's cache key is the layer's key plus {@code +pca<dims>}, so projected and full-width rows never mix. What
 * the projection costs in recall of the true nearest maps is measured by {@code bench similar}.
 */
public final class ProjectedEmbeddings {
    /** Maps the projection is fitted on. */
    public static final int SAMPLE = 20_000;
    static final String AXES = "projection-axes.npy";
    static final String MEAN = "projection-mean.npy";

    private ProjectedEmbeddings() {
    }

    /** The sub-folder of an embeddings cache that holds the projected embeddings of {@code dims} values. */
    public static Path folder(Path cacheDir, int dims) {
        return cacheDir == null ? null : cacheDir.resolve("pca" + dims);
    }

    /**
     * The projected embeddings of every map of {@code data}: the cached ones, the missing ones computed (saved
     * every few seconds; a cancel keeps them). A null {@code cacheDir}: nothing kept.
     */
    public static EmbeddingTable wafer(WaferEmbedder embedder, EmbeddingLayer layer, WaferDataset data, int dims,
            Path cacheDir, String modelSha, String dataFingerprint, Progress progress) {
        Path dir = folder(cacheDir, dims);
        String key = layer.key() + "+pca" + dims;
        Optional<EmbeddingTable> cached = dir == null ? Optional.empty()
                : EmbeddingCache.load(dir, modelSha, dataFingerprint, key)
                        .filter(t -> t.size() == data.size() && t.dimension() == dims);
        Pca pca = cached.isPresent() ? readProjection(dir).orElse(null) : null;
        EmbeddingTable table = cached.orElse(null);
        if (pca == null || pca.dimension() != dims) {
            pca = fit(embedder, data, dims, progress);
            table = EmbeddingTable.empty(data.size(), dims, embedder.classes());
            if (dir != null) {
                writeProjection(dir, pca);
            }
        }
        new EmbeddingRun(t -> {
            if (dir != null) {
                EmbeddingCache.save(dir, t, modelSha, dataFingerprint, key);
            }
        }, pca).wafer(embedder, data, null, table, progress);
        return table;
    }

    /** The projection fitted on the full-width embeddings of a seeded sample of the maps. */
    static Pca fit(WaferEmbedder embedder, WaferDataset data, int dims, Progress progress) {
        int[] rows = sample(data.size(), SAMPLE, 0);
        List<WaferMap> maps = new ArrayList<>(rows.length);
        for (int r : rows) {
            maps.add(data.get(r));
        }
        WaferDataset sample = new WaferDataset(data.source(), data.layout(), maps);
        EmbeddingTable full = EmbeddingTable.empty(rows.length, embedder.dimension(), embedder.classes());
        new EmbeddingRun(t -> { }).wafer(embedder, sample, null, full, progress);
        progress.throwIfCancelled("embedding the sample of the projection");
        float[][] v = new float[rows.length][];
        for (int i = 0; i < v.length; i++) {
            v[i] = full.vector(i);
        }
        return Pca.fit(v, dims, false);
    }

    /** A seeded sample of {@code m} of the numbers 0..n-1 (all of them when n <= m), ascending. */
    public static int[] sample(int n, int m, long seed) {
        int[] order = new int[n];
        for (int i = 0; i < n; i++) {
            order[i] = i;
        }
        int k = Math.min(m, n);
        SplittableRandom random = new SplittableRandom(seed);
        for (int i = 0; i < k; i++) {
            int j = i + random.nextInt(n - i);
            int t = order[i];
            order[i] = order[j];
            order[j] = t;
        }
        int[] out = Arrays.copyOf(order, k);
        Arrays.sort(out);
        return out;
    }

    private static void writeProjection(Path dir, Pca pca) {
        try {
            Files.createDirectories(dir);
            Files.deleteIfExists(dir.resolve(EmbeddingCache.META)); // rows of an older projection: not used
        } catch (IOException e) {
            throw OutputFile.problem(dir, e);
        }
        int d = pca.mean().length;
        float[] axes = new float[pca.dimension() * d];
        for (int c = 0; c < pca.dimension(); c++) {
            System.arraycopy(pca.components()[c], 0, axes, c * d, d);
        }
        OutputFile.write(dir.resolve(AXES), true, out -> out.write(NpyFile.encode(axes, pca.dimension(), d)));
        OutputFile.write(dir.resolve(MEAN), true, out -> out.write(NpyFile.encode(pca.mean(), d)));
    }

    private static Optional<Pca> readProjection(Path dir) {
        if (!Files.isRegularFile(dir.resolve(AXES)) || !Files.isRegularFile(dir.resolve(MEAN))) {
            return Optional.empty();
        }
        NpyFile.Array a = NpyFile.read(dir.resolve(AXES));
        float[] mean = NpyFile.read(dir.resolve(MEAN)).data();
        if (a.shape().length != 2 || a.shape()[1] != mean.length) {
            return Optional.empty();
        }
        float[][] axes = new float[a.shape()[0]][];
        for (int c = 0; c < axes.length; c++) {
            axes[c] = Arrays.copyOfRange(a.data(), c * mean.length, (c + 1) * mean.length);
        }
        return Optional.of(new Pca(mean, axes, new double[axes.length]));
    }
}
