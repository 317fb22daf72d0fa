package defectlens.app.task;

import java.util.EnumMap;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import javafx.application.Platform;

/**
 * The window's {@link TaskExecutor}: each {@link TaskLane} is a small pool of named threads
 * ({@code defectlens-work-1}, ...), made when first used; results come back through {@link Platform#runLater}.
 * The FX thread never waits on a lane.
 */
public final class FxTaskExecutor extends TaskExecutor {
    private final Map<TaskLane, ExecutorService> lanes = new EnumMap<>(TaskLane.class);
    private boolean shutDown;

    @Override
    protected void runInBackground(TaskLane lane, Runnable work) {
        ExecutorService pool;
        synchronized (lanes) {
            if (shutDown) {
                return;
            }
            pool = lanes.computeIfAbsent(lane, l -> Executors.newFixedThreadPool(l.threads(), named(l)));
        }
        try {
            pool.execute(work);
        } catch (RejectedExecutionException shuttingDown) {
            // the window is closing: the work is no longer wanted
        }
    }

    private static ThreadFactory named(TaskLane lane) {
        AtomicInteger n = new AtomicInteger();
        return r -> {
            Thread t = new Thread(r, lane.threadName() + "-" + n.incrementAndGet());
            t.setDaemon(lane.daemon());
            return t;
        };
    }

    @Override
    protected void runOnUiThread(Runnable r) {
        Platform.runLater(r);
    }

    @Override
    public void shutdown() {
        synchronized (lanes) {
            shutDown = true;
            lanes.forEach((lane, pool) -> {
                if (lane.daemon()) {
                    pool.shutdownNow();
                } else {
                    pool.shutdown();
                }
            });
        }
    }

    /** After {@link #shutdown}: waits up to {@code seconds} for every lane's threads to end; true when they did. */
    public boolean awaitTermination(long seconds) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(seconds);
        synchronized (lanes) {
            for (ExecutorService pool : lanes.values()) {
                if (!pool.awaitTermination(Math.max(0, deadline - System.nanoTime()), TimeUnit.NANOSECONDS)) {
                    return false;
                }
            }
        }
        return true;
    }
}
