package defectlens.review.embedding;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import defectlens.core.Progress;
import defectlens.wafer.InvalidRows;
import defectlens.wafer.WaferDataset;
import defectlens.wafer.WaferModel;
import defectlens.wafer.WaferModelBundle;
import defectlens.wafer.WaferPickleReader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Embeddings kept projected for large files: the cache, its reuse, and what the benchmark counts. */
class ProjectedEmbeddingsTest {

    @Test
    void projectedEmbeddingsAreCachedWithTheirProjectionAndReusedAsTheyWere(@TempDir Path tmp) throws Exception {
        WaferDataset data = WaferPickleReader.read(Path.of("datasets/wm811k/LSWMD_sample.pkl"), Progress.NONE,
                InvalidRows.SKIP);
        EmbeddingLayer layer = new EmbeddingLayer(EmbeddingLayer.WAFER_HIDDEN, false);
        try (WaferModel model = WaferModelBundle.load(Path.of("models/wafer-proposed-paper7"))) {
            WaferEmbedder embedder = new WaferEmbedder(model, false);
            EmbeddingTable t = ProjectedEmbeddings.wafer(embedder, layer, data, 16, tmp, "sha256:m", "sha256:d",
                    Progress.NONE);
            assertEquals(200, t.doneCount());
            assertEquals(16, t.dimension());
            Path dir = ProjectedEmbeddings.folder(tmp, 16);
            assertTrue(Files.isRegularFile(dir.resolve(ProjectedEmbeddings.AXES)));
            assertTrue(Files.isRegularFile(dir.resolve(EmbeddingCache.META)));
            // the projection of a full-width embedding is what the cache holds
            Pca pca = ProjectedEmbeddings.fit(embedder, data, 16, Progress.NONE);
            float[] full = embedder.embed(new float[][] {defectlens.wafer.WaferPreprocessing.toNetworkMap(
                    data.get(7).dies(), data.get(7).rows(), data.get(7).cols())}).vectors()[0];
            float[] projected = pca.project(full);
            for (int j = 0; j < 16; j++) {
                assertEquals(Math.abs(projected[j]), Math.abs(t.vector(7)[j]), 1e-3 * (1 + Math.abs(projected[j])));
            }
            EmbeddingTable again = ProjectedEmbeddings.wafer(embedder, layer, data, 16, tmp, "sha256:m",
                    "sha256:d", new Progress() {
                        @Override
                        public void update(double fraction, String message) {
                        }

                        @Override
                        public boolean isCancelled() {
                            return true; // nothing may be computed: everything comes from the cache
                        }
                    });
            assertArrayEquals(t.vector(123), again.vector(123));
            assertEquals(200, again.doneCount());
        }
    }

    @Test
    void samplesAreSeededSortedAndRecallCountsTheTruthFound() {
        int[] a = ProjectedEmbeddings.sample(1000, 50, 3);
        assertArrayEquals(a, ProjectedEmbeddings.sample(1000, 50, 3));
        assertEquals(50, java.util.Arrays.stream(a).distinct().count());
        for (int i = 1; i < a.length; i++) {
            assertTrue(a[i] > a[i - 1]);
        }
        assertEquals(10, ProjectedEmbeddings.sample(10, 50, 3).length);
        double r = ProjectionBenchmark.recall(List.of(Set.of(1, 2, 3, 4), Set.of(5, 6)),
                List.of(Set.of(1, 2, 9, 8), Set.of(5, 6)));
        assertEquals((0.5 + 1.0) / 2, r, 1e-12);
    }

    @Test
    void theBenchmarkFindsAllNeighboursWhenTheProjectionKeepsEveryValue() {
        java.util.Random random = new java.util.Random(5);
        float[][] v = new float[300][6];
        for (float[] row : v) {
            for (int j = 0; j < 6; j++) {
                row[j] = (float) random.nextGaussian();
            }
        }
        ProjectionBenchmark.Result r = ProjectionBenchmark.run(v, new int[] {6, 2}, 20, 1, Progress.NONE);
        assertEquals(300, r.maps());
        assertEquals(1.0, r.widths().get(0).exactRecallAt10(), 1e-9, "a rotation keeps every cosine");
        assertTrue(r.widths().get(1).exactRecallAt10() < 0.9, "2 of 6 random values lose neighbours");
        assertEquals(300 * 6 * 4 / 1e6, r.widths().get(0).cacheMegabytes(), 1e-12);
    }
}
