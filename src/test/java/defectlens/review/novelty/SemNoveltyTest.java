package defectlens.review.novelty;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import defectlens.dataset.DatasetLayout;
import defectlens.dataset.SemDataset;
import defectlens.dataset.SemSample;
import defectlens.review.embedding.Embedded;
import defectlens.review.embedding.EmbeddingTable;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/** The seeded per-class split of a SEM novelty fit, the truth of its images, and a fit on well-separated images. */
class SemNoveltyTest {
    private static final List<String> CLASSES = List.of("a", "b");

    /** 10 images of a, 5 of b, 2 of an unknown class c, 1 unlabelled; image 3 has no embedding (unreadable). */
    private static SemDataset data() {
        List<SemSample> s = new ArrayList<>();
        String[] labels = new String[18];
        Arrays.fill(labels, 0, 10, "a");
        Arrays.fill(labels, 10, 15, "b");
        labels[15] = "c";
        labels[16] = "c";
        for (int i = 0; i < labels.length; i++) {
            s.add(new SemSample("s" + i, Path.of("img" + i + ".png"), null, labels[i]));
        }
        return new SemDataset(Path.of("demo"), DatasetLayout.CARINTHIA_S, s, List.of("a", "b", "c"));
    }

    /** Class a near +e1, class b near +e2, class c far away on e3; logits favour the right class. */
    private static EmbeddingTable table(SemDataset d) {
        EmbeddingTable t = EmbeddingTable.empty(d.size(), 3, CLASSES);
        SplittableRandom r = new SplittableRandom(5);
        for (int i = 0; i < d.size(); i++) {
            if (i == 3) {
                continue;
            }
            String l = d.samples().get(i).label();
            float[] v = {0.05f * (float) r.nextGaussian(), 0.05f * (float) r.nextGaussian(),
                0.05f * (float) r.nextGaussian()};
            float[] logits = {0, 0};
            if ("a".equals(l)) {
                v[0] += 1;
                logits[0] = 4;
            } else if ("b".equals(l)) {
                v[1] += 1;
                logits[1] = 4;
            } else {
                v[2] += 5;
            }
            double e0 = Math.exp(logits[0]);
            double e1 = Math.exp(logits[1]);
            float[] p = {(float) (e0 / (e0 + e1)), (float) (e1 / (e0 + e1))};
            t.setRow(i, new Embedded(new float[][] {v}, new float[][] {logits}, new float[][] {p}), 0);
        }
        return t;
    }

    @Test
    void theSplitIsSeededPerClassAndLeavesOutUnreadableUnknownAndUnlabelledImages() {
        SemDataset d = data();
        EmbeddingTable t = table(d);
        SemNovelty.Split s = SemNovelty.split(d, t, CLASSES, 0.2, 0);
        assertEquals(14, s.training().length + s.heldOut().length, "9 readable a + 5 b");
        assertEquals(3, s.heldOut().length, "round(9 * 0.2) = 2 of a, round(5 * 0.2) = 1 of b");
        assertTrue(Arrays.stream(s.heldOut()).noneMatch(i -> Arrays.stream(s.training()).anyMatch(j -> j == i)));
        assertTrue(Arrays.stream(s.training()).allMatch(i -> i != 3 && i < 15));
        SemNovelty.Split again = SemNovelty.split(d, t, CLASSES, 0.2, 0);
        assertArrayEquals(s.heldOut(), again.heldOut());
        assertArrayEquals(s.training(), again.training());

        Boolean[] truth = SemNovelty.truth(d, new int[] {0, 12, 15, 17}, CLASSES);
        assertEquals(Boolean.FALSE, truth[0]);
        assertEquals(Boolean.FALSE, truth[1]);
        assertEquals(Boolean.TRUE, truth[2]);
        assertNull(truth[3]);
    }

    @Test
    void imagesOfAnotherSourceAreToldApartAndTheThresholdsComeFromTheHeldOutKnownImages() {
        SemDataset d = data();
        EmbeddingTable t = table(d);
        SemNovelty.Split s = SemNovelty.split(d, t, CLASSES, 0.2, 0);
        EmbeddingTable other = EmbeddingTable.empty(4, 3, CLASSES);
        for (int i = 0; i < 4; i++) {
            other.setRow(i, new Embedded(new float[][] {{0, 0, 4 + i}}, new float[][] {{0.1f, 0}},
                    new float[][] {{0.52f, 0.48f}}), 0);
        }
        NoveltyCalibration.Calibrated c = SemNovelty.fit(d, t, s, other, "sha", new
                defectlens.review.embedding.EmbeddingLayer("pooled-split", false), NoveltyScore.MAHALANOBIS, 0.05,
                2, java.util.Map.of("data", "demo"));
        assertEquals(3 + 4, c.truth().length);
        assertEquals(1.0, c.info().heldOutAuroc().get(NoveltyScore.MAHALANOBIS), 1e-9);
        assertEquals(1.0, c.info().heldOutAuroc().get(NoveltyScore.MSP), 1e-9);
        double threshold = c.model().thresholds().get(NoveltyScore.MAHALANOBIS);
        for (int i = 0; i < 3; i++) {
            assertTrue(c.scores()[NoveltyScore.MAHALANOBIS.ordinal()][i] <= threshold, "known held-out image");
        }
        for (int i = 3; i < 7; i++) {
            assertTrue(c.scores()[NoveltyScore.MAHALANOBIS.ordinal()][i] > threshold, "image of another source");
        }
    }
}
