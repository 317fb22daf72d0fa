package defectlens.core;

import com.sun.management.GarbageCollectionNotificationInfo;
import java.lang.management.GarbageCollectorMXBean;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryMXBean;
import java.lang.management.MemoryUsage;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import javax.management.ListenerNotFoundException;
import javax.management.Notification;
import javax.management.NotificationEmitter;
import javax.management.NotificationListener;
import javax.management.openmbean.CompositeData;

/**
 * Watches the Java heap while a benchmark runs: the peak of used heap sampled every 20 ms (live and not yet
 * collected objects) and the peak of heap still used right after a garbage collection (closer to what the work
 * needs). Benchmarks only; the product never watches its heap.
 */
public final class HeapWatch implements AutoCloseable {
    private final MemoryMXBean memory = ManagementFactory.getMemoryMXBean();
    private final AtomicLong peak;
    private final AtomicLong afterGc = new AtomicLong();
    private final Thread sampler;
    private final List<NotificationEmitter> emitters = new ArrayList<>();
    private final NotificationListener gcListener;

    /** Starts watching. */
    public HeapWatch() {
        peak = new AtomicLong(used());
        sampler = new Thread(() -> {
            while (!Thread.currentThread().isInterrupted()) {
                peak.accumulateAndGet(used(), Math::max);
                try {
                    Thread.sleep(20);
                } catch (InterruptedException e) {
                    return;
                }
            }
        }, "heap-sampler");
        sampler.setDaemon(true);
        gcListener = (Notification n, Object handback) -> {
            if (GarbageCollectionNotificationInfo.GARBAGE_COLLECTION_NOTIFICATION.equals(n.getType())) {
                GarbageCollectionNotificationInfo info = GarbageCollectionNotificationInfo.from((CompositeData) n.getUserData());
                long sum = 0;
                for (MemoryUsage u : info.getGcInfo().getMemoryUsageAfterGc().values()) {
                    sum += u.getUsed();
                }
                afterGc.accumulateAndGet(sum, Math::max);
            }
        };
        for (GarbageCollectorMXBean gc : ManagementFactory.getGarbageCollectorMXBeans()) {
            if (gc instanceof NotificationEmitter e) {
                e.addNotificationListener(gcListener, null, null);
                emitters.add(e);
            }
        }
        sampler.start();
    }

    /** The heap in use now. */
    public long used() {
        return memory.getHeapMemoryUsage().getUsed();
    }

    /** The heap in use after a full collection (a request the JVM normally honours). */
    public long usedAfterFullGc() {
        System.gc();
        return used();
    }

    /** The largest used heap seen so far. */
    public long peak() {
        return peak.accumulateAndGet(used(), Math::max);
    }

    /** The largest heap still used right after a collection, 0 when none ran. */
    public long peakAfterGc() {
        return afterGc.get();
    }

    @Override
    public void close() {
        sampler.interrupt();
        try {
            sampler.join();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        peak();
        for (NotificationEmitter e : emitters) {
            try {
                e.removeNotificationListener(gcListener);
            } catch (ListenerNotFoundException ignored) {
                // added in the constructor; nothing to remove otherwise
            }
        }
    }
}
