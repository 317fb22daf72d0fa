package defectlens.review.embedding;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

/** The benchmark's way of turning a file with copies of its maps into distinct real embeddings. */
class SimilarityBenchmarkTest {
    @Test
    void distinctKeepsTheFirstOfEachSetOfIdenticalRowsInOrder() {
        float[][] rows = {{1, 2}, {3, 4}, {1, 2}, {1, 2.0000002f}, {3, 4}, {0, 0}};
        float[][] d = SimilarityBenchmark.distinct(rows);
        assertEquals(4, d.length);
        assertArrayEquals(new float[] {1, 2}, d[0]);
        assertArrayEquals(new float[] {3, 4}, d[1]);
        assertArrayEquals(new float[] {1, 2.0000002f}, d[2]);
        assertArrayEquals(new float[] {0, 0}, d[3]);
    }
}
