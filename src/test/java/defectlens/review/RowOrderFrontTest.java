package defectlens.review;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.api.Test;

/** "Send these to the queue" and finding an item by the id a user sees. */
class RowOrderFrontTest {
    @Test
    void itemsSentToTheQueueComeFirstEachOnce() {
        assertArrayEquals(new int[] {7, 3, 1, 2, 4}, RowOrder.withFirst(new int[] {7, 3, 7}, new int[] {1, 2, 3, 4}));
        assertArrayEquals(new int[] {1, 2}, RowOrder.withFirst(new int[0], new int[] {1, 2}));
    }

    @Test
    void anItemIsFoundByItsFileRowOrSampleId() {
        PredictionTable rows = new PredictionTable(List.of("a"), List.of("a"), null, new int[] {0, 0, -1});
        assertEquals(2, rows.indexOf("2"));
        assertEquals(-1, rows.indexOf("3"));
        assertEquals(-1, rows.indexOf("02"));
        assertEquals(-1, rows.indexOf("x"));
        PredictionTable ids = new PredictionTable(List.of("a"), List.of("a"), new String[] {"0", "2", "4"},
                new int[] {0, 0, 0});
        assertEquals(2, ids.indexOf("4"));
        assertEquals(-1, ids.indexOf("1"));
    }
}
