package defectlens.core;

import java.io.IOException;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.concurrent.CancellationException;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

/**
 * Runs the items {@code [0, n)} of a long job on a few worker threads and hands the results back in order,
 * batch by batch, on the calling thread: the pipeline under "classify every map of a file". The items are cut
 * into batches (the steps the caller reports and may be cancelled between) and each batch into units (the work
 * one thread does at a time, small enough that every worker has one even in a short file). For each unit the
 * calling thread first runs {@code prepare} (cheap work that is not thread-safe, such as reading rows of a
 * file), then a worker runs {@code compute} on what it prepared; when all units of a batch are computed, the
 * calling thread gives their results to {@code deliver}. At most two units per worker wait or run at a time,
 * so memory stays bounded whatever {@code n} is.
 *
 * <p>Cancelling (checked between batches) stops after the batch just delivered; a failing {@code compute}
 * stops the run with its own exception, and so does a failing {@code deliver}. In every case the call returns
 * only after the workers are idle, so the caller may free what they used (a model) as soon as it returns.
 * Worker threads are daemon threads named {@code name-1}, {@code name-2}, ..., made per call.
 */
public final class ParallelBatches {
    /** Units waiting or running per worker: one running, one ready for when it ends. */
    private static final int UNITS_PER_WORKER = 2;

    private final int workers;
    private final String name;

    /** What the calling thread makes of the items {@code [from, to)} for a worker. */
    @FunctionalInterface
    public interface Prepare<T> {
        T apply(int from, int to);
    }

    /** A worker's computation on a prepared unit (runs on a worker thread, several at once). */
    @FunctionalInterface
    public interface Compute<T, R> {
        R apply(T prepared);
    }

    /** Receives the results of the units of the items {@code [from, to)}, in order, on the calling thread. */
    @FunctionalInterface
    public interface Deliver<R> {
        void accept(int from, int to, List<R> results) throws IOException;
    }

    /** A pipeline of {@code workers} threads (at least one) named after {@code name}. */
    public ParallelBatches(int workers, String name) {
        if (workers < 1) {
            throw new IllegalArgumentException("workers must be >= 1, got " + workers);
        }
        this.workers = workers;
        this.name = name;
    }

    public int workers() {
        return workers;
    }

    /**
     * Runs the items {@code [0, n)} in batches of {@code batchSize} and units of at most {@code unitSize} items
     * (a unit never spans two batches) and returns how many items were delivered: {@code n}, or fewer when
     * {@code progress} was cancelled. Reports nothing itself: {@code deliver} knows what a batch means.
     */
    public <T, R> int run(int n, int batchSize, int unitSize, Prepare<T> prepare, Compute<T, R> compute,
            Deliver<R> deliver, Progress progress) throws IOException {
        if (batchSize < 1 || unitSize < 1) {
            throw new IllegalArgumentException("batch size " + batchSize + ", unit size " + unitSize);
        }
        if (n <= 0 || progress.isCancelled()) {
            return 0;
        }
        ExecutorService pool = Executors.newFixedThreadPool(workers, new NamedThreads());
        Deque<Future<R>> running = new ArrayDeque<>();
        try {
            int submitted = 0;
            int done = 0;
            while (done < n) {
                int batchEnd = Math.min(done + batchSize, n);
                List<R> results = new ArrayList<>();
                int collected = done;
                while (collected < batchEnd) {
                    while (submitted < n && running.size() < UNITS_PER_WORKER * workers) {
                        int from = submitted;
                        int to = Math.min(Math.min(from + unitSize, n), batchOf(from, batchSize) + batchSize);
                        T unit = prepare.apply(from, to);
                        running.add(pool.submit(() -> compute.apply(unit)));
                        submitted = to;
                    }
                    Future<R> next = running.poll();
                    results.add(await(next));
                    collected = Math.min(Math.min(collected + unitSize, n),
                            batchOf(collected, batchSize) + batchSize);
                }
                deliver.accept(done, batchEnd, results);
                done = batchEnd;
                if (progress.isCancelled()) {
                    break;
                }
            }
            return done;
        } finally {
            for (Future<R> f : running) {
                f.cancel(false);
            }
            pool.shutdown();
            awaitIdle(pool);
        }
    }

    private static int batchOf(int item, int batchSize) {
        return item / batchSize * batchSize;
    }

    private static <R> R await(Future<R> next) throws IOException {
        try {
            return next.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new CancellationException("interrupted while waiting for a worker");
        } catch (ExecutionException e) {
            Throwable cause = e.getCause();
            if (cause instanceof RuntimeException r) {
                throw r;
            }
            if (cause instanceof Error err) {
                throw err;
            }
            if (cause instanceof IOException io) {
                throw io;
            }
            throw new IllegalStateException(cause);
        }
    }

    /** Waits until the running units have ended (they are not interrupted: they may hold native resources). */
    private static void awaitIdle(ExecutorService pool) {
        boolean interrupted = false;
        while (true) {
            try {
                if (pool.awaitTermination(1, TimeUnit.MINUTES)) {
                    break;
                }
            } catch (InterruptedException e) {
                interrupted = true;
            }
        }
        if (interrupted) {
            Thread.currentThread().interrupt();
        }
    }

    /** Daemon worker threads named {@code name-k}. */
    private final class NamedThreads implements java.util.concurrent.ThreadFactory {
        private int count;

        @Override
        public synchronized Thread newThread(Runnable r) {
            Thread t = new Thread(r, name + "-" + ++count);
            t.setDaemon(true);
            return t;
        }
    }
}
