package defectlens.wafer;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class WaferMetricsTest {
    @Test
    void matchesScikitLearnOnAHandExample() {
        // sklearn.metrics.classification_report(y, p) for these labels gives
        // A: P 2/3 R 1.0 F1 0.8; B: P 1.0 R 1/3 F1 0.5; C: P 0.5 R 1.0 F1 2/3; macro F1 0.6556; accuracy 0.6667
        int[] y = {0, 0, 1, 1, 1, 2};
        int[] p = {0, 0, 1, 0, 2, 2};
        WaferMetrics m = WaferMetrics.of(List.of("A", "B", "C"), y, p);
        assertEquals(6, m.count());
        assertEquals(4.0 / 6, m.accuracy(), 1e-12);
        assertEquals(2.0 / 3, m.precision(0), 1e-12);
        assertEquals(1.0 / 3, m.recall(1), 1e-12);
        assertEquals(0.5, m.f1(1), 1e-12);
        assertEquals(2.0 / 3, m.f1(2), 1e-12);
        assertEquals((0.8 + 0.5 + 2.0 / 3) / 3, m.macroF1(), 1e-12);
        assertArrayEquals(new long[] {1, 1, 1}, m.confusion()[1]);
        assertEquals(3L, m.support(1));
    }

    @Test
    void classesWithoutSupportDoNotCountInTheMacroF1AndNeverPredictedMeansPrecisionZero() {
        WaferMetrics m = WaferMetrics.of(List.of("A", "B", "C"), new int[] {0, 0, 1}, new int[] {0, 0, 0});
        assertEquals(0.0, m.precision(1));
        assertEquals(0.0, m.f1(1));
        assertEquals((0.8 + 0.0) / 2, m.macroF1(), 1e-12);
        Map<String, Object> json = m.toJson();
        assertEquals(List.of("n", "accuracy", "macro_f1", "per_class", "confusion"), List.copyOf(json.keySet()));
    }
}
