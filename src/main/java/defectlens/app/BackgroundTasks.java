package defectlens.app;

import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The named daemon thread pools of the window: one for user-started work (loading a data set or an
 * image, later training and explaining), one for thumbnails. The FX thread never waits on them.
 */
public final class BackgroundTasks {
    private final ExecutorService work = Executors.newSingleThreadExecutor(named("defectlens-work"));
    private final ExecutorService thumbnails = Executors.newFixedThreadPool(2, named("defectlens-thumbnails"));

    private static java.util.concurrent.ThreadFactory named(String prefix) {
        AtomicInteger n = new AtomicInteger();
        return r -> {
            Thread t = new Thread(r, prefix + "-" + n.incrementAndGet());
            t.setDaemon(true);
            return t;
        };
    }

    public ExecutorService work() {
        return work;
    }

    public ExecutorService thumbnails() {
        return thumbnails;
    }

    public void shutdown() {
        work.shutdownNow();
        thumbnails.shutdownNow();
    }
}
