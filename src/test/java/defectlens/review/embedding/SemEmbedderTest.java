package defectlens.review.embedding;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import defectlens.app.TinySemBundle;
import defectlens.image.ImageRaster;
import defectlens.model.ModelBundle;
import defectlens.model.SemClassifier;
import defectlens.model.SplitClassifier;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The pooled split-layer embedding of a tiny EfficientNetV2 bundle: reproducible, and its head is the model. */
class SemEmbedderTest {
    @Test
    void embeddingsOfATinyModelAreReproducible(@TempDir Path tmp) {
        Path bundle = TinySemBundle.save(tmp.resolve("tiny"));
        List<ImageRaster> images = List.of(image(3), image(11));
        try (SplitClassifier model = ModelBundle.load(bundle); SemEmbedder embedder = new SemEmbedder(model);
                SemClassifier classifier = new SemClassifier(model)) {
            Embedded a = embedder.embed(images);
            Embedded b = embedder.embed(images);
            assertEquals(2, a.vectors().length);
            for (int i = 0; i < 2; i++) {
                assertArrayEquals(a.vectors()[i], b.vectors()[i]);
                double[] p = classifier.classify("x", images.get(i), 1).probabilities();
                for (int c = 0; c < p.length; c++) {
                    assertEquals(p[c], a.probabilities()[i][c], 1e-5);
                }
            }
            assertEquals(EmbeddingLayer.SEM_POOLED, EmbeddingLayer.sem(bundle).layer());
        }
    }

    private static ImageRaster image(int seed) {
        java.util.Random r = new java.util.Random(seed);
        byte[] px = new byte[64 * 64];
        r.nextBytes(px);
        return ImageRaster.gray8(64, 64, px);
    }
}
