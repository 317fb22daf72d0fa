package defectlens.core;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.concurrent.CancellationException;
import org.junit.jupiter.api.Test;

class ProgressTest {
    @Test
    void aRangeMapsTheStepOntoItsShareOfTheJob() {
        RecordingProgress job = new RecordingProgress();
        Progress second = job.range(0.5, 0.75);
        second.update(0, "a");
        second.update(0.5, null);
        second.update(1, "b");
        second.update(2, null);
        second.update(Double.NaN, "unknown");
        assertEquals(List.of(0.5, 0.625, 0.75, 0.75), job.fractions.subList(0, 4));
        assertTrue(Double.isNaN(job.fractions.get(4)), "an indeterminate step leaves the job indeterminate");
        assertEquals(java.util.Arrays.asList("a", null, "b", null, "unknown"), job.messages);
    }

    @Test
    void stepsSplitTheJobEvenlyAndNest() {
        RecordingProgress job = new RecordingProgress();
        job.step(1, 4).update(1, null);
        job.step(3, 4).range(0.5, 1).update(0, null);
        assertEquals(List.of(0.5, 0.875), job.fractions);
    }

    @Test
    void doneOfTotalIsAShareAndAnUnknownTotalIsIndeterminate() {
        RecordingProgress job = new RecordingProgress();
        job.update(3, 4, "3/4");
        job.update(5, 0, "5 images");
        assertEquals(0.75, job.fractions.get(0));
        assertTrue(Double.isNaN(job.fractions.get(1)));
    }

    @Test
    void cancellationPassesThroughRangesAndThrowsWhereAsked() {
        RecordingProgress job = new RecordingProgress(1);
        Progress part = job.range(0, 0.5);
        assertFalse(part.isCancelled());
        CancellationException e = assertThrows(CancellationException.class, () -> part.throwIfCancelled("reading"));
        assertEquals("reading cancelled", e.getMessage());
        assertEquals(2, job.polls());
    }

    @Test
    void noneIsSilentAndNeverCancelledWhileAFlagCancels() {
        Progress.NONE.update(0.5, "ignored");
        assertFalse(Progress.NONE.isCancelled());
        boolean[] flag = {false};
        Progress flagged = Progress.cancelledWhen(() -> flag[0]);
        assertFalse(flagged.isCancelled());
        flag[0] = true;
        assertTrue(flagged.isCancelled());
    }

    @Test
    void aRangeOutsideTheJobIsRefused() {
        assertThrows(IllegalArgumentException.class, () -> Progress.NONE.range(0.5, 0.25));
        assertThrows(IllegalArgumentException.class, () -> Progress.NONE.range(-0.1, 0.5));
    }
}
