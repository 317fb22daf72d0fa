package defectlens.dataset;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class ClassQuotaTest {
    @Test
    void balancedGivesTheSameCountToEveryClass() {
        ClassQuota q = ClassQuota.balanced(5);
        for (CarinthiaClass c : CarinthiaClass.values()) {
            assertEquals(5, q.count(c));
        }
        assertEquals(30, q.total());
        assertEquals(CarinthiaClass.SINGLE_BRIDGE, q.plan()[0]);
        assertEquals(CarinthiaClass.NO_DEFECT, q.plan()[29]);
    }

    @Test
    void realProportionsAtTheRealTotalAreTheRealCounts() {
        ClassQuota q = ClassQuota.realProportions(4591);
        for (CarinthiaClass c : CarinthiaClass.values()) {
            assertEquals(c.realCount(), q.count(c), c.toString());
        }
    }

    @Test
    void realProportionsScaleDownWithAtLeastOnePerClass() {
        ClassQuota q = ClassQuota.realProportions(100);
        assertEquals(100, q.total());
        for (CarinthiaClass c : CarinthiaClass.values()) {
            assertTrue(q.count(c) >= 1, c + " has no image");
        }
        assertEquals(1, q.count(CarinthiaClass.THIN_BRIDGE));
        assertEquals(1, q.count(CarinthiaClass.MULTI_BRIDGE));
        assertEquals(6, q.count(CarinthiaClass.LINE_BREAK));
        assertEquals(5, q.count(CarinthiaClass.NO_DEFECT));
        assertEquals(1, q.count(CarinthiaClass.SINGLE_BRIDGE));
        assertEquals(86, q.count(CarinthiaClass.LINE_COLLAPSE));
    }

    @Test
    void realProportionsOfTheSmallestTotalGiveOneEach() {
        ClassQuota q = ClassQuota.realProportions(6);
        for (CarinthiaClass c : CarinthiaClass.values()) {
            assertEquals(1, q.count(c), c.toString());
        }
        assertThrows(IllegalArgumentException.class, () -> ClassQuota.realProportions(5));
    }
}
