package defectlens.app.task;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import defectlens.core.DefectLensException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CancellationException;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

/** The task layer's rules, driven with the same-thread executor: no window, no JavaFX toolkit. */
class BackgroundTaskTest {
    private final CurrentThreadTaskExecutor executor = new CurrentThreadTaskExecutor();
    private final AtomicLong clock = new AtomicLong();
    private final JobStatus status = new JobStatus("Ready", clock::get);
    private final List<Double> progressSeen = new ArrayList<>();
    private final List<String> statusSeen = new ArrayList<>();

    BackgroundTaskTest() {
        status.progressProperty().addListener((o, a, b) -> progressSeen.add(b.doubleValue()));
        status.statusProperty().addListener((o, a, b) -> statusSeen.add(b));
    }

    @Test
    void theResultArrivesWithProgressAndMessagesOnTheWay() {
        List<Integer> results = new ArrayList<>();
        List<Boolean> busyWhileRunning = new ArrayList<>();
        BackgroundTask<Integer> task = BackgroundTask.of("Counting", ctx -> {
            busyWhileRunning.add(status.busyProperty().get());
            clock.addAndGet(10_000_000_000L);
            ctx.update(0.5, "half");
            clock.addAndGet(10_000_000_000L);
            ctx.update(0.75, null);
            ctx.update(Double.NaN, null);
            return 42;
        }).onLane(TaskLane.CLASSIFICATION).showIn(status).onSuccess(results::add);
        assertSame(task, executor.execute(task));
        assertEquals(List.of(42), results);
        assertEquals(List.of(true), busyWhileRunning);
        assertEquals(List.of(-1.0, 0.5, 0.75, -1.0, 0.0), progressSeen);
        assertEquals(List.of("Counting ...", "Counting: half, 0:10 left", "Counting: half, 0:07 left",
                "Counting: half", "Done: Counting"), statusSeen, "the time left follows the share done and the clock");
        assertFalse(status.busyProperty().get());
        assertFalse(task.isRunning());
        assertEquals(List.of(TaskLane.CLASSIFICATION), executor.lanesUsed);
        assertTrue(executor.errors.isEmpty());
    }

    @Test
    void errorsReachTheOneHookWithTheFailureTitle() {
        DefectLensException problem = new DefectLensException(Path.of("broken.pkl"), "truncated");
        List<Object> results = new ArrayList<>();
        executor.execute(BackgroundTask.of("Reading broken.pkl", ctx -> {
            throw problem;
        }).showIn(status).failureTitle("Cannot open broken.pkl").onSuccess(results::add));
        assertEquals(1, executor.errors.size());
        assertEquals("Cannot open broken.pkl", executor.errors.get(0).title());
        assertSame(problem, executor.errors.get(0).error());
        assertEquals("Cannot open broken.pkl", status.statusProperty().get());
        assertTrue(results.isEmpty());
        assertFalse(status.busyProperty().get());
    }

    @Test
    void aTaskMayTakeItsOwnErrors() {
        List<Throwable> own = new ArrayList<>();
        executor.execute(BackgroundTask.of("x", ctx -> {
            throw new IllegalStateException("boom");
        }).onFailure(own::add));
        assertEquals(1, own.size());
        assertTrue(executor.errors.isEmpty());
    }

    @Test
    void cancelEndsTheTaskAtOnceStopsTheWorkAndDropsItsResult() {
        List<String> results = new ArrayList<>();
        List<String> published = new ArrayList<>();
        int[] steps = {0};
        @SuppressWarnings("unchecked")
        BackgroundTask<String>[] self = new BackgroundTask[1];
        self[0] = BackgroundTask.of("Looping", ctx -> {
            while (!ctx.isCancelled()) {
                steps[0]++;
                ctx.publish(() -> published.add("step " + steps[0]));
                if (steps[0] == 3) {
                    self[0].cancel(); // as the user's Cancel button would, between two steps
                }
            }
            ctx.publish(() -> published.add("after cancel"));
            return "finished anyway";
        }).showIn(status).cancelledText(() -> "Stopped after " + steps[0] + " steps").onSuccess(results::add);
        List<String> cancelled = new ArrayList<>();
        self[0].onCancelled(() -> cancelled.add("cancelled"));
        executor.execute(self[0]);
        assertEquals(3, steps[0]);
        assertEquals(List.of("step 1", "step 2", "step 3"), published);
        assertTrue(results.isEmpty(), "a cancelled task's result is dropped");
        assertEquals(List.of("cancelled"), cancelled);
        assertEquals("Stopped after 3 steps", status.statusProperty().get());
        assertFalse(status.busyProperty().get());
        assertTrue(self[0].isCancelled());
        assertTrue(executor.errors.isEmpty());
    }

    @Test
    void aProgressListenerMayCancelAndTheCancelHasTheLastWord() {
        List<BackgroundTask<?>> started = new ArrayList<>();
        status.progressProperty().addListener((o, a, b) -> {
            if (b.doubleValue() > 0) {
                started.get(0).cancel(); // a view that stops the job when it sees progress
            }
        });
        started.add(BackgroundTask.of("Fitting", ctx -> {
            ctx.update(0.3, "crops");
            ctx.throwIfCancelled("fitting");
            return "bank";
        }).showIn(status));
        executor.execute(started.get(0));
        assertEquals("Cancelled: Fitting", status.statusProperty().get());
        assertEquals(0.0, status.progressProperty().get());
        assertFalse(status.busyProperty().get());
        assertTrue(executor.errors.isEmpty());
    }

    @Test
    void aCancellationExceptionOfTheWorkIsACancelNotAnError() {
        List<String> cancelled = new ArrayList<>();
        executor.execute(BackgroundTask.of("Reading", ctx -> {
            throw new CancellationException("reading cancelled");
        }).showIn(status).onCancelled(() -> cancelled.add("yes")));
        assertEquals(List.of("yes"), cancelled);
        assertTrue(executor.errors.isEmpty());
        assertEquals("Cancelled: Reading", status.statusProperty().get());
    }

    @Test
    void aSlotCancelsTheOlderTaskWhenANewerOneStarts() {
        executor.hold();
        TaskSlot slot = new TaskSlot(executor);
        List<String> results = new ArrayList<>();
        BackgroundTask<String> older = slot.run(BackgroundTask.of("older", ctx -> "old").onSuccess(results::add));
        assertTrue(slot.isRunning());
        BackgroundTask<String> newer = slot.run(BackgroundTask.of("newer", ctx -> "new").onSuccess(results::add));
        assertTrue(older.isCancelled());
        assertFalse(newer.isCancelled());
        assertEquals(2, executor.runHeld());
        assertEquals(List.of("new"), results, "the older result never arrives");
        assertFalse(slot.isRunning());
    }

    @Test
    void aTaskRunsOnce() {
        BackgroundTask<Void> task = BackgroundTask.of("once", ctx -> null);
        executor.execute(task);
        assertThrows(IllegalStateException.class, () -> executor.execute(task));
    }

    @Test
    void theStatusFollowsTheLatestTaskAndStaysBusyWhileAnyRuns() {
        executor.hold();
        executor.execute(BackgroundTask.of("first", ctx -> null).showIn(status));
        executor.execute(BackgroundTask.of("second", ctx -> {
            ctx.update(0.25, null);
            return null;
        }).showIn(status));
        assertEquals("second ...", status.statusProperty().get());
        executor.execute(BackgroundTask.of("third", ctx -> null)); // shown nowhere
        assertEquals(3, executor.runHeld());
        assertEquals("Done: second", status.statusProperty().get());
        assertFalse(status.busyProperty().get());
        executor.hold();
        BackgroundTask<Object> older = executor.execute(BackgroundTask.of("older", ctx -> null).showIn(status));
        executor.execute(BackgroundTask.of("newer", ctx -> null).showIn(status));
        older.cancel();
        assertTrue(status.busyProperty().get(), "the newer task still runs");
        assertEquals("newer ...", status.statusProperty().get(), "the older task's end does not hide the newer one");
        executor.runHeld();
        assertEquals("Done: newer", status.statusProperty().get());
        assertFalse(status.busyProperty().get());
    }
}
