package defectlens.app.common;

import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The named daemon thread pools of the window: {@code work} for user-started work (loading a data set,
 * an image or a wafer file, explaining), two threads for thumbnails, one for short interactive work
 * (the wafer side panel), one for classifying and one for training, so that neither queues behind the
 * other. The FX thread never waits on them.
 */
public final class BackgroundTasks {
    private final ExecutorService work = Executors.newSingleThreadExecutor(named("defectlens-work"));
    private final ExecutorService thumbnails = Executors.newFixedThreadPool(2, named("defectlens-thumbnails"));
    private final ExecutorService interactive = Executors.newSingleThreadExecutor(named("defectlens-interactive"));
    private final ExecutorService classification = Executors.newSingleThreadExecutor(named("defectlens-classify"));
    private final ExecutorService training = Executors.newSingleThreadExecutor(named("defectlens-training"));

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

    /** Short work a user waits for while clicking (one wafer through two models): never queued behind long jobs. */
    public ExecutorService interactive() {
        return interactive;
    }

    /** Classifying images with the current SEM model: never queued behind image loading or training. */
    public ExecutorService classification() {
        return classification;
    }

    /** Training runs: minutes to hours, on a thread of their own. */
    public ExecutorService training() {
        return training;
    }

    public void shutdown() {
        classification.shutdownNow();
        training.shutdownNow();
        interactive.shutdownNow();
        work.shutdownNow();
        thumbnails.shutdownNow();
    }
}
