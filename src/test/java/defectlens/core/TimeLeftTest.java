package defectlens.core;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

class TimeLeftTest {
    private static final long SECOND = 1_000_000_000L;
    private final AtomicLong clock = new AtomicLong(5 * SECOND);
    private final TimeLeft eta = new TimeLeft(clock::get);

    @Test
    void timeLeftIsTheTimePerShareSoFarTimesTheShareStillToDo() {
        clock.addAndGet(10 * SECOND);
        assertEquals(30.0, eta.secondsLeft(0.25), 1e-9);
        assertEquals("0:30 left", eta.describe(0.25));
        assertEquals("took 0:10", eta.describe(1.0));
        assertEquals(0.0, eta.secondsLeft(1.0), 1e-9);
    }

    @Test
    void nothingIsSaidBeforeOnePercentOrWhenTheShareIsUnknown() {
        clock.addAndGet(SECOND);
        assertTrue(Double.isNaN(eta.secondsLeft(0.005)));
        assertNull(eta.describe(0.005));
        assertNull(eta.describe(Double.NaN));
        assertEquals("1:39 left", eta.describe(0.01));
    }

    @Test
    void durationsReadAsClockTimes() {
        assertEquals("0:07", TimeLeft.duration(7.2));
        assertEquals("12:30", TimeLeft.duration(750));
        assertEquals("2:05:00", TimeLeft.duration(7500));
        assertEquals("0:00", TimeLeft.duration(-3));
    }
}
