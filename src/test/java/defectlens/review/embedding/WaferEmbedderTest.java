package defectlens.review.embedding;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import defectlens.core.Progress;
import defectlens.wafer.InvalidRows;
import defectlens.wafer.WaferDataset;
import defectlens.wafer.WaferMap;
import defectlens.wafer.WaferModel;
import defectlens.wafer.WaferModelBundle;
import defectlens.wafer.WaferPickleReader;
import defectlens.wafer.WaferPreprocessing;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Embeddings of the shipped paper7 bundle on real sample maps: reproducible, consistent with its predictions. */
class WaferEmbedderTest {
    private static float[][] maps;

    @BeforeAll
    static void readMaps() {
        WaferDataset d = WaferPickleReader.read(Path.of("datasets/wm811k/LSWMD_sample.pkl"), Progress.NONE,
                InvalidRows.SKIP);
        maps = new float[6][];
        for (int i = 0; i < maps.length; i++) {
            WaferMap w = d.get(i * 7);
            maps[i] = WaferPreprocessing.toNetworkMap(w.dies(), w.rows(), w.cols());
        }
    }

    @Test
    void embeddingsAreReproducibleAndTheirProbabilitiesAreTheModels() {
        try (WaferModel model = WaferModelBundle.load(Path.of("models/wafer-proposed-paper7"))) {
            WaferEmbedder embedder = new WaferEmbedder(model, false);
            assertEquals(2 * 128, embedder.dimension(), "two networks side by side");
            Embedded a = embedder.embed(maps);
            Embedded b = embedder.embed(maps);
            float[][] p = model.predict(maps, false);
            for (int i = 0; i < maps.length; i++) {
                assertEquals(256, a.vectors()[i].length);
                assertArrayEquals(a.vectors()[i], b.vectors()[i], "same map, same embedding");
                assertArrayEquals(a.logits()[i], b.logits()[i]);
                assertArrayEquals(p[i], a.probabilities()[i], 1e-5f, "the model's own answer");
            }
        }
    }

    @Test
    void symmetryAveragedEmbeddingsOfATurnedMapAreTheSame() {
        try (WaferModel model = WaferModelBundle.load(Path.of("models/wafer-proposed-paper7"))) {
            WaferEmbedder embedder = new WaferEmbedder(model, true);
            float[] map = maps[1];
            float[][] pair = {map, WaferPreprocessing.rotate90(map, WaferPreprocessing.SIZE, 1)};
            Embedded e = embedder.embed(pair);
            assertArrayEquals(e.vectors()[0], e.vectors()[1], 1e-4f);
        }
    }

    @Test
    void aCachedRunIsResumedAndInvalidatedByOtherWeights(@TempDir Path tmp) {
        try (WaferModel model = WaferModelBundle.load(Path.of("models/wafer-proposed-paper7"))) {
            WaferDataset d = WaferPickleReader.read(Path.of("datasets/wm811k/LSWMD_sample.pkl"), Progress.NONE,
                    InvalidRows.SKIP);
            WaferEmbedder embedder = new WaferEmbedder(model, false);
            EmbeddingTable t = EmbeddingTable.empty(d.size(), embedder.dimension(), model.classes());
            new EmbeddingRun(x -> EmbeddingCache.save(tmp, x, "sha256:a", "sha256:d", "L"))
                    .wafer(embedder, d, new int[] {3, 5}, t, Progress.NONE);
            EmbeddingTable back = EmbeddingCache.load(tmp, "sha256:a", "sha256:d", "L").orElseThrow();
            assertEquals(2, back.doneCount());
            assertArrayEquals(t.vector(5), back.vector(5));
            assertEquals(false, back.isDone(4));
            assertEquals(true, EmbeddingCache.load(tmp, "sha256:b", "sha256:d", "L").isEmpty(), "other weights");
            assertEquals(true, EmbeddingCache.load(tmp, "sha256:a", "sha256:d", "M").isEmpty(), "other layer");
        }
    }
}
