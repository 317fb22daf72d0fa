package defectlens.review.novelty;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import defectlens.review.ModelFingerprint;
import defectlens.review.embedding.Embedded;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** AUROC on hand-made cases; the novelty fit separates a made-up unknown cluster and round-trips through a bundle. */
class NoveltyFitTest {
    @Test
    void aurocOfHandMadeCases() {
        assertEquals(1.0, Auroc.of(new double[] {0.1, 0.2, 0.8, 0.9}, new boolean[] {false, false, true, true}));
        assertEquals(0.0, Auroc.of(new double[] {0.9, 0.8, 0.2, 0.1}, new boolean[] {false, false, true, true}));
        // positives 0.5, 0.9; negatives 0.1, 0.5, 0.7: pairs won 1 + 0.5 + 0 + 1 + 1 + 1 = 4.5 of 6
        assertEquals(0.75, Auroc.of(new double[] {0.5, 0.9, 0.1, 0.5, 0.7},
                new boolean[] {true, true, false, false, false}), 1e-12);
        assertTrue(Double.isNaN(Auroc.of(new double[] {1, 2}, new boolean[] {false, false})));
        assertEquals(1.0, Auroc.of(new double[] {Double.NaN, 0.1, 0.9}, new boolean[] {false, false, true}));
    }

    @Test
    void mahalanobisOfAWhitenedGaussianIsTheSquaredDistanceInStandardDeviations() {
        // one class, axes with standard deviations 1 and 10: a point 2 sd out on either axis scores 4 / (1 + ridge
        // over the axis's variance), the ridge being RIDGE times the mean variance (1 + 100) / 2
        Random r = new Random(3);
        float[][] v = new float[20000][2];
        for (float[] row : v) {
            row[0] = (float) r.nextGaussian();
            row[1] = 10 * (float) r.nextGaussian();
        }
        NoveltyModel m = NoveltyFit.fit(v, new int[v.length], 1, 5, 0);
        double ridge = NoveltyFit.RIDGE * 50.5;
        assertEquals(4.0 / (1 + ridge), m.mahalanobis(new float[] {2, 0}), 0.15);
        assertEquals(4.0 * 100 / (100 + ridge), m.mahalanobis(new float[] {0, 20}), 0.15);
        assertEquals(0.0, m.mahalanobis(new float[] {0, 0}), 0.05);
    }

    @Test
    void theFitFlagsAnUnknownClusterAndRoundTripsThroughTheBundle(@TempDir Path tmp) throws Exception {
        Random r = new Random(5);
        float[][] train = new float[600][8];
        int[] classes = new int[train.length];
        for (int i = 0; i < train.length; i++) {
            classes[i] = i % 3;
            train[i] = point(r, classes[i]);
        }
        NoveltyModel m = NoveltyFit.fit(train, classes, 3, 5, 1);
        float[][] test = new float[200][];
        boolean[] novel = new boolean[200];
        for (int i = 0; i < 200; i++) {
            novel[i] = i >= 100;
            test[i] = point(r, novel[i] ? 3 : i % 3);
        }
        float[][] logits = new float[200][3];
        float[][] probs = new float[200][3];
        for (float[] p : probs) {
            java.util.Arrays.fill(p, 1 / 3f);
        }
        double[][] s = m.scores(new Embedded(test, logits, probs));
        assertTrue(Auroc.of(s[NoveltyScore.MAHALANOBIS.ordinal()], novel) > 0.99);
        assertTrue(Auroc.of(s[NoveltyScore.KNN.ordinal()], novel) > 0.99);
        assertEquals(0.5, Auroc.of(s[NoveltyScore.MSP.ordinal()], novel), 1e-12, "flat softmax tells nothing");

        Path bundle = tmp.resolve("bundle");
        Files.createDirectories(bundle);
        Files.writeString(bundle.resolve("model.json"), "{\"name\":\"x\"}");
        Files.write(bundle.resolve("model.params"), new byte[] {1, 2, 3});
        String sha = ModelFingerprint.of(bundle);
        NoveltyModel fitted = m.withThresholds(Map.of(NoveltyScore.MAHALANOBIS, 12.5, NoveltyScore.KNN, 0.25));
        NoveltyInfo info = new NoveltyInfo(1, sha, "last-dense-input", List.of("a", "b", "c"), 5,
                NoveltyScore.MAHALANOBIS, 0.05, fitted.thresholds(), Map.of("file", "train.pkl"),
                Map.of(NoveltyScore.MAHALANOBIS, 0.99), DriftReference.of(s, new Boolean[] {false, false, true},
                        new int[] {0, 1, 1}, List.of("a", "b", "c")));
        NoveltyStore.save(bundle, fitted, info);
        assertEquals(sha, ModelFingerprint.of(bundle), "a fit in novelty/ leaves the weights' fingerprint alone");
        NoveltyStore.Stored back = NoveltyStore.load(bundle, sha).orElseThrow();
        assertEquals(info, back.info());
        assertEquals(fitted.thresholds(), back.model().thresholds());
        double[][] again = back.model().scores(new Embedded(test, logits, probs));
        for (int k = 0; k < s.length; k++) {
            assertArrayEquals(s[k], again[k], 1e-9);
        }
        assertTrue(NoveltyStore.load(bundle, "sha256:other").isEmpty(), "a fit of other weights is not used");
    }

    private static float[] point(Random r, int cls) {
        float[] p = new float[8];
        for (int j = 0; j < 8; j++) {
            p[j] = (float) (0.5 * r.nextGaussian());
        }
        p[cls] += 4;
        if (cls == 3) {
            p[4] += 4; // the unknown class lies off the known ones
            p[3] -= 4;
        }
        return p;
    }

    @Test
    void thresholdFlagsTheAskedShareOfKnownItems() {
        double[] known = new double[100];
        for (int i = 0; i < 100; i++) {
            known[i] = i;
        }
        double t = NoveltyFit.threshold(known, 0.05);
        assertEquals(94.0, t);
        assertEquals(5, java.util.Arrays.stream(known).filter(v -> v > t).count());
    }
}
