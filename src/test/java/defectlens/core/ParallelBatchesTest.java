package defectlens.core;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

/**
 * {@link ParallelBatches} hands the results back in item order batch by batch whatever order the workers finish
 * in, cuts units at batch ends, prepares on the calling thread, keeps few units in flight, stops after the
 * batch in which it was cancelled, passes a failure of either side through, and returns only with idle workers.
 */
class ParallelBatchesTest {
    /** A unit's items, computed slowly for early items so that later units finish first. */
    private static List<Integer> slowSquares(int[] items) {
        if (items[0] % 3 == 0) {
            try {
                Thread.sleep(5);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        List<Integer> out = new ArrayList<>();
        for (int i : items) {
            out.add(i * i);
        }
        return out;
    }

    private static int[] items(int from, int to) {
        return IntStream.range(from, to).toArray();
    }

    @Test
    void resultsArriveInOrderBatchByBatch() throws IOException {
        Thread caller = Thread.currentThread();
        Set<String> workerNames = ConcurrentHashMap.newKeySet();
        List<int[]> batches = new ArrayList<>();
        List<Integer> all = new ArrayList<>();
        int done = new ParallelBatches(3, "test-worker").run(23, 7, 3, (from, to) -> {
            assertSame(caller, Thread.currentThread(), "prepare runs on the calling thread");
            return items(from, to);
        }, unit -> {
            workerNames.add(Thread.currentThread().getName());
            return slowSquares(unit);
        }, (from, to, results) -> {
            assertSame(caller, Thread.currentThread(), "deliver runs on the calling thread");
            batches.add(new int[] {from, to});
            results.forEach(all::addAll);
        }, Progress.NONE);
        assertEquals(23, done);
        assertEquals(List.of(0, 7, 14, 21), batches.stream().map(b -> b[0]).toList());
        assertEquals(List.of(7, 14, 21, 23), batches.stream().map(b -> b[1]).toList());
        assertEquals(IntStream.range(0, 23).map(i -> i * i).boxed().toList(), all);
        assertTrue(workerNames.stream().allMatch(n -> n.startsWith("test-worker-")), workerNames.toString());
    }

    @Test
    void unitsNeverSpanTwoBatches() throws IOException {
        List<int[]> units = Collections.synchronizedList(new ArrayList<>());
        new ParallelBatches(2, "w").run(10, 4, 3, (from, to) -> new int[] {from, to}, unit -> {
            units.add(unit);
            return unit;
        }, (from, to, results) -> {
            assertEquals(from, results.get(0)[0]);
            assertEquals(to, results.get(results.size() - 1)[1]);
        }, Progress.NONE);
        List<String> cuts = units.stream().map(u -> u[0] + "-" + u[1]).sorted().toList();
        assertEquals(List.of("0-3", "3-4", "4-7", "7-8", "8-10"), cuts);
    }

    @Test
    void fewUnitsAreInFlight() throws IOException {
        AtomicInteger prepared = new AtomicInteger();
        AtomicInteger worst = new AtomicInteger();
        AtomicInteger delivered = new AtomicInteger();
        new ParallelBatches(2, "w").run(100, 1, 1, (from, to) -> {
            worst.accumulateAndGet(prepared.incrementAndGet() - delivered.get(), Math::max);
            return from;
        }, unit -> unit, (from, to, results) -> delivered.incrementAndGet(), Progress.NONE);
        assertEquals(100, delivered.get());
        assertTrue(worst.get() <= 4, "units prepared and not yet delivered: " + worst.get());
    }

    @Test
    void aCancelStopsAfterTheBatchAndWaitsForTheWorkers() throws IOException {
        AtomicInteger running = new AtomicInteger();
        List<Integer> seen = new ArrayList<>();
        int done = new ParallelBatches(2, "w").run(40, 4, 1, (from, to) -> from, unit -> {
            running.incrementAndGet();
            try {
                Thread.sleep(2);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            running.decrementAndGet();
            return unit;
        }, (from, to, results) -> seen.addAll(results), Progress.cancelledWhen(() -> seen.size() >= 8));
        assertEquals(8, done);
        assertEquals(List.of(0, 1, 2, 3, 4, 5, 6, 7), seen);
        assertEquals(0, running.get(), "a worker still ran after the call returned");
    }

    @Test
    void aFailingUnitStopsTheRunWithItsException() {
        IllegalStateException failure = new IllegalStateException("bad map");
        List<Integer> seen = new ArrayList<>();
        IllegalStateException thrown = assertThrows(IllegalStateException.class,
                () -> new ParallelBatches(2, "w").run(20, 2, 1, (from, to) -> from, unit -> {
                    if (unit == 5) {
                        throw failure;
                    }
                    return unit;
                }, (from, to, results) -> seen.addAll(results), Progress.NONE));
        assertSame(failure, thrown);
        assertEquals(List.of(0, 1, 2, 3), seen);
    }

    @Test
    void aFailingDeliveryStopsTheRunWithItsException() {
        IOException failure = new IOException("disk full");
        AtomicInteger computed = new AtomicInteger();
        ParallelBatches pipeline = new ParallelBatches(2, "w");
        IOException thrown = assertThrows(IOException.class,
                () -> pipeline.run(1000, 2, 1, (from, to) -> from, unit -> computed.incrementAndGet(),
                        (from, to, results) -> {
                            throw failure;
                        }, Progress.NONE));
        assertSame(failure, thrown);
        assertTrue(computed.get() <= 6, "units computed after the failure: " + computed.get());
    }

    @Test
    void nothingToDoOrCancelledBeforeTheStart() throws IOException {
        ParallelBatches pipeline = new ParallelBatches(1, "w");
        assertEquals(0, pipeline.run(0, 4, 1, (from, to) -> from, unit -> unit, (from, to, results) -> {
            throw new IOException("nothing to deliver");
        }, Progress.NONE));
        assertEquals(0, pipeline.run(5, 4, 1, (from, to) -> from, unit -> unit, (from, to, results) -> {
            throw new IOException("cancelled before the start");
        }, Progress.cancelledWhen(() -> true)));
        assertThrows(IllegalArgumentException.class, () -> new ParallelBatches(0, "w"));
    }
}
