package defectlens.review;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import defectlens.core.DefectLensException;
import org.junit.jupiter.api.Test;

/** The queue "most novel first": by the novelty score, highest first, unscored items left out. */
class NoveltyQueueTest {
    @Test
    void mostNovelFirstWithNegativeScoresTiesAndUndecidedOnly() {
        PredictionTable t = ReviewQueueTest.table();
        float[] novelty = {-6.5f, 2f, -1f, 2f, Float.NaN, 0f, -7f};
        assertArrayEquals(new int[] {1, 3, 5, 2, 0, 6},
                ReviewQueue.order(t, QueueSpec.of(QueueOrder.NOVELTY), i -> false, t::labelName, novelty));
        assertArrayEquals(new int[] {1, 5, 2, 6}, ReviewQueue.order(t,
                QueueSpec.of(QueueOrder.NOVELTY).undecidedOnly(true), i -> i == 0 || i == 3, t::labelName, novelty));
        assertArrayEquals(new int[] {4, 1, 2, 6, 0, 3}, ReviewQueue.order(t, QueueSpec.of(QueueOrder.LEAST_CERTAIN),
                i -> false, t::labelName, novelty), "other orders ignore the scores");
    }

    @Test
    void withoutScoresTheOrderIsAClearError() {
        PredictionTable t = ReviewQueueTest.table();
        assertThrows(DefectLensException.class, () -> ReviewQueue.order(t, QueueSpec.of(QueueOrder.NOVELTY)));
        assertThrows(DefectLensException.class, () -> ReviewQueue.order(t, QueueSpec.of(QueueOrder.of("novelty")),
                i -> false, t::labelName, new float[2]), "scores of another number of items");
    }
}
