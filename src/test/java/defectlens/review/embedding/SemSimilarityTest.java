package defectlens.review.embedding;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import defectlens.core.Progress;
import defectlens.dataset.DatasetOpener;
import defectlens.dataset.SemDataset;
import defectlens.model.ModelBundle;
import defectlens.model.SplitClassifier;
import defectlens.review.DataFingerprint;
import defectlens.review.ModelFingerprint;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** More like this on the shipped SEM demo set with the shipped SEM demo model. */
class SemSimilarityTest {
    static final Path DEMO = Path.of("datasets/sem-demo");
    static final Path MODEL = Path.of("models/sem-demo");

    @Test
    void neighboursOfTheDemoSetAreReproducibleAndEachImageFindsItselfFirst(@TempDir Path tmp) {
        SemDataset data = DatasetOpener.open(DEMO);
        String modelSha = ModelFingerprint.of(MODEL);
        String dataFp = DataFingerprint.of(data);
        Path cache = tmp.resolve("embeddings");
        try (SplitClassifier model = ModelBundle.load(MODEL)) {
            SemSimilarity fresh = SemSimilarity.open(model, MODEL, data, cache, modelSha, dataFp, Progress.NONE);
            assertTrue(Files.isRegularFile(cache.resolve(EmbeddingCache.META)));
            SemSimilarity cached = SemSimilarity.open(model, MODEL, data, cache, modelSha, dataFp,
                    new Progress() {
                        @Override
                        public void update(double fraction, String message) {
                            throw new AssertionError("embedded again although cached: " + message);
                        }

                        @Override
                        public boolean isCancelled() {
                            return false;
                        }
                    });
            assertEquals(0, fresh.unreadable());
            assertEquals(data.size(), fresh.table().doneCount());
            for (int i = 0; i < data.size(); i++) {
                Neighbour self = fresh.search().nearest(fresh.table().vector(i), 1).get(0);
                assertEquals(i, self.item(), "nearest of " + data.samples().get(i).id());
                assertEquals(1f, self.similarity(), 1e-4f);
                List<Neighbour> a = fresh.nearest(i, 5);
                assertEquals(5, a.size());
                assertTrue(a.stream().noneMatch(n -> n.item() == self.item()));
                assertEquals(items(a), items(cached.nearest(i, 5)));
                for (int k = 0; k < 5; k++) {
                    assertEquals(a.get(k).similarity(), cached.nearest(i, 5).get(k).similarity(), 1e-6f);
                    assertTrue(k == 0 || a.get(k - 1).similarity() >= a.get(k).similarity());
                }
            }
            // the demo set's clear nearest neighbours (runner-up at least 0.004 further), as computed once with the
            // shipped model (review similar --model models/sem-demo --data datasets/sem-demo --item ID --k 2)
            assertEquals("sem_000008", id(data, fresh.nearest(fresh.indexOf("sem_000003"), 1)));
            assertEquals("sem_000015", id(data, fresh.nearest(fresh.indexOf("sem_000016"), 1)));
            assertEquals("sem_000036", id(data, fresh.nearest(fresh.indexOf("sem_000033"), 1)));
            assertEquals("sem_000039", id(data, fresh.nearest(fresh.indexOf("sem_000035"), 1)));
            assertEquals(0.9917f, fresh.nearest(fresh.indexOf("sem_000016"), 1).get(0).similarity(), 1e-3f);
            String first = data.samples().get(0).id();
            assertEquals(0, fresh.indexOf(first));
            assertEquals(3, fresh.indexOf(data.samples().get(3).fileName()));
            assertEquals(-1, fresh.indexOf("no_such_image"));
        }
    }

    private static String id(SemDataset data, List<Neighbour> found) {
        return data.samples().get(found.get(0).item()).id();
    }

    private static List<Integer> items(List<Neighbour> found) {
        return found.stream().map(Neighbour::item).toList();
    }
}
