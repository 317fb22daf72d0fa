package defectlens.app.review;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import defectlens.review.RowOrder;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The confusion matrix's counts, colours and cell clicks, without a window. */
class ConfusionMatrixViewModelTest {
    private static final List<String> CLASSES = List.of("bridge", "break", "clean");
    //                                    item: 0  1  2  3  4   5  6  7
    private static final int[] TRUTH = {0, 0, 0, 1, 1, -1, 2, 2};
    private static final int[] PREDICTED = {0, 0, 1, 1, 0, 2, -1, 2};

    @Test
    void countsPerCellWithScoresAndTheItemsLeftOut() {
        ConfusionCounts c = ConfusionCounts.of(CLASSES, TRUTH.length, i -> TRUTH[i], i -> PREDICTED[i]);
        assertEquals(2, c.count(0, 0));
        assertEquals(1, c.count(0, 1));
        assertEquals(1, c.count(1, 0));
        assertEquals(1, c.count(2, 2));
        assertEquals(6, c.counted());
        assertEquals(2, c.leftOut(), "item 5 has no label, item 6 no prediction");
        assertEquals(2 / 3.0, c.rowShare(0, 0), 1e-12);
        assertEquals(0.5, c.rowShare(1, 0), 1e-12);
        assertEquals(2 / 3.0, c.metrics().perClass().get(0).precision(), 1e-12);
        assertEquals(0.5, c.metrics().perClass().get(1).recall(), 1e-12);
        assertEquals(4 / 6.0, c.metrics().accuracy(), 1e-12);
    }

    @Test
    void aClickOnACellHandsItsClassesOnAndItsItemsAreFound() {
        ConfusionMatrixViewModel vm = new ConfusionMatrixViewModel();
        List<String> clicked = new ArrayList<>();
        vm.setOnCell((t, p) -> clicked.add(t + "->" + p));
        vm.select(0, 1);
        assertEquals(List.of(), clicked, "nothing shown yet: no cell to click");
        assertNull(vm.countsProperty().get());
        int[] predicted = PREDICTED.clone();
        vm.show(CLASSES, TRUTH.length, i -> TRUTH[i], i -> predicted[i]);
        vm.select(0, 1);
        assertEquals(List.of("bridge->break"), clicked);
        assertArrayEquals(new int[] {2}, vm.itemsIn("bridge", "break"));
        assertArrayEquals(new int[] {0, 1}, vm.itemsIn("bridge", "bridge"));
        assertArrayEquals(new int[0], vm.itemsIn("bridge", "nothing"));
        predicted[6] = 0;
        vm.refresh();
        assertEquals(1, vm.countsProperty().get().count(2, 0), "recounted when predictions arrive");
    }

    @Test
    void colourDeepensWithTheShareOfTheRow() {
        assertEquals("#ffffff", ConfusionMatrixView.colour(0, true));
        assertEquals("#1565c0", ConfusionMatrixView.colour(1, true));
        assertEquals("#c62828", ConfusionMatrixView.colour(1, false));
    }

    @Test
    void manyRowsSortByConfidenceWithoutObjectsPerRow() {
        int n = 811_457;
        int[] rows = new int[n];
        for (int i = 0; i < n; i++) {
            rows[i] = i;
        }
        int[] sorted = RowOrder.leastCertainFirst(rows, r -> r % 10 == 0 ? Float.NaN : ((long) r * 7919 % 1000) / 1000f);
        float last = -1;
        for (int k = 0; k < n; k++) {
            float c = sorted[k] % 10 == 0 ? Float.NaN : ((long) sorted[k] * 7919 % 1000) / 1000f;
            if (k < n - (n + 9) / 10) {
                assertFalse(Float.isNaN(c), "numbers first");
                assertTrue(c >= last, "ascending at " + k);
                last = c;
            } else {
                assertTrue(Float.isNaN(c), "NaN last at " + k);
            }
        }
    }
}
