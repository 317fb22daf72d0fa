package defectlens.model;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.api.Test;

class ClassificationMetricsTest {
    /** Reference values from scikit-learn 1.2 classification_report on the same labels. */
    @Test
    void matchesHandComputedScores() {
        int[] truth = {0, 0, 0, 1, 1, 2};
        int[] pred = {0, 0, 1, 1, 2, 2};
        ClassificationMetrics m = ClassificationMetrics.of(List.of("x", "y", "z"), truth, pred);
        assertArrayEquals(new int[] {2, 1, 0}, m.confusion()[0]);
        assertEquals(4 / 6.0, m.accuracy(), 1e-12);
        assertEquals(4 / 6.0, m.microF1(), 1e-12);
        ClassScore x = m.perClass().get(0);
        assertEquals(1.0, x.precision(), 1e-12);
        assertEquals(2 / 3.0, x.recall(), 1e-12);
        assertEquals(0.8, x.f1(), 1e-12);
        assertEquals(3, x.support());
        ClassScore z = m.perClass().get(2);
        assertEquals(0.5, z.precision(), 1e-12);
        assertEquals(1.0, z.recall(), 1e-12);
        double macro = (0.8 + 0.5 + 2 / 3.0) / 3;
        assertEquals(macro, m.macroF1(), 1e-12);
    }

    @Test
    void splitIsStratifiedAndSeeded() {
        int[] labels = new int[50];
        for (int i = 0; i < labels.length; i++) {
            labels[i] = i < 40 ? 0 : 1;
        }
        StratifiedSplit a = StratifiedSplit.of(labels, 2, 0.2, 5);
        StratifiedSplit b = StratifiedSplit.of(labels, 2, 0.2, 5);
        assertEquals(a, b);
        assertEquals(10, a.validation().size());
        assertEquals(2, a.validation().stream().filter(i -> labels[i] == 1).count());
    }

    @Test
    void oversamplingEqualisesClassesUndersamplingShrinksThem() {
        int[] labels = {0, 0, 0, 0, 0, 0, 1, 1, 2};
        List<Integer> train = List.of(0, 1, 2, 3, 4, 5, 6, 7, 8);
        java.util.Random r = new java.util.Random(1);
        List<Integer> over = new BalancedSampler(labels, train, 3, BalanceMode.OVERSAMPLE).epoch(r);
        assertEquals(18, over.size());
        assertEquals(6, over.stream().filter(i -> labels[i] == 2).count());
        List<Integer> under = new BalancedSampler(labels, train, 3, BalanceMode.UNDERSAMPLE).epoch(r);
        assertEquals(3, under.size());
        float[] w = BalancedSampler.inverseFrequencyWeights(labels, train, 3);
        assertEquals(9f / (3 * 6), w[0], 1e-6);
        assertEquals(3f, w[2], 1e-6);
    }
}
