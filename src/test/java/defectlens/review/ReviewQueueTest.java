package defectlens.review;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import defectlens.model.ClassificationMetrics;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The orders of a review queue and the confusion matrix, on a table with known confidences. */
class ReviewQueueTest {
    /** Items: label, predicted (confidence). */
    static PredictionTable table() {
        List<String> classes = List.of("a", "b");
        int[] labels = {0, 0, 1, 1, -1, 0, 1};
        PredictionTable t = new PredictionTable(classes, List.of("a", "b"), null, labels);
        t.setRow(0, new float[] {0.9f, 0.1f}); // a  -> a 0.9
        t.setRow(1, new float[] {0.4f, 0.6f}); // a  -> b 0.6
        t.setRow(2, new float[] {0.3f, 0.7f}); // b  -> b 0.7
        t.setRow(3, new float[] {0.95f, 0.05f}); // b -> a 0.95
        t.setRow(4, new float[] {0.55f, 0.45f}); // -  -> a 0.55
        // item 5 not classified
        t.setRow(6, new float[] {0.2f, 0.8f}); // b  -> b 0.8
        return t;
    }

    @Test
    void leastCertainFirstHoldsClassifiedItemsOnly() {
        assertArrayEquals(new int[] {4, 1, 2, 6, 0, 3}, ReviewQueue.order(table(), QueueSpec.of(QueueOrder.LEAST_CERTAIN)));
        assertArrayEquals(new int[] {0, 1, 2, 3, 4, 5, 6}, ReviewQueue.order(table(), QueueSpec.of(QueueOrder.DATASET)));
    }

    @Test
    void differsCellAndClassSelectTheirItems() {
        PredictionTable t = table();
        assertArrayEquals(new int[] {1, 3}, ReviewQueue.order(t, QueueSpec.of(QueueOrder.DIFFERS)));
        assertArrayEquals(new int[] {3}, ReviewQueue.order(t, QueueSpec.cell("b", "a")));
        assertArrayEquals(new int[] {1, 2, 6}, ReviewQueue.order(t, QueueSpec.byClass("b")));
        // a reviewer said item 4 is a "b": it joins the b -> a cell; item 3 was decided, so "undecided only" drops it
        int[] cell = ReviewQueue.order(t, QueueSpec.cell("b", "a").undecidedOnly(true), i -> i == 3,
                i -> i == 4 ? "b" : t.labelName(i));
        assertArrayEquals(new int[] {4}, cell);
    }

    @Test
    void anAuditIsTheSameSeededSampleOfConfidentItems() {
        PredictionTable t = table();
        int[] a = ReviewQueue.order(t, QueueSpec.audit(2, 7, 0.75));
        int[] b = ReviewQueue.order(t, QueueSpec.audit(2, 7, 0.75));
        assertArrayEquals(a, b);
        assertEquals(2, a.length);
        for (int i : a) {
            assertTrue(t.confidence(i) >= 0.75, "item " + i);
        }
        assertEquals(3, ReviewQueue.order(t, QueueSpec.audit(10, 7, 0.75)).length, Arrays.toString(a));
    }

    @Test
    void theConfusionMatrixCountsDecisionsWhereMade() {
        PredictionTable t = table();
        ClassificationMetrics byLabels = ReviewConfusion.of(t);
        assertEquals(5, byLabels.total());
        assertArrayEquals(new int[] {1, 1}, byLabels.confusion()[0]);
        assertArrayEquals(new int[] {1, 2}, byLabels.confusion()[1]);
        ClassificationMetrics decided = ReviewConfusion.of(t, i -> i == 3 ? "a" : t.labelName(i));
        assertArrayEquals(new int[] {2, 1}, decided.confusion()[0]);
        assertArrayEquals(new int[] {0, 2}, decided.confusion()[1]);
    }
}
