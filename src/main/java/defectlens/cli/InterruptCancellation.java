package defectlens.cli;

import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.BooleanSupplier;

/**
 * Ctrl-C for long CLI work: while open, an interrupt (SIGINT / SIGTERM) sets the cancellation flag and the
 * JVM waits (up to a grace period) until the work has finished cleanly and {@link #close()} was called,
 * so a cancelled training run still saves its best weights.
 */
public final class InterruptCancellation implements BooleanSupplier, AutoCloseable {
    private static final long GRACE_SECONDS = 900;

    private final AtomicBoolean cancelled = new AtomicBoolean();
    private final CountDownLatch finished = new CountDownLatch(1);
    private final Thread hook;

    public InterruptCancellation() {
        hook = new Thread(() -> {
            cancelled.set(true);
            try {
                finished.await(GRACE_SECONDS, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }, "defectlens-cancel-on-interrupt");
        Runtime.getRuntime().addShutdownHook(hook);
    }

    @Override
    public boolean getAsBoolean() {
        return cancelled.get();
    }

    @Override
    public void close() {
        finished.countDown();
        try {
            Runtime.getRuntime().removeShutdownHook(hook);
        } catch (IllegalStateException e) {
            // the JVM is already shutting down: the hook is running and now returns
        }
    }
}
