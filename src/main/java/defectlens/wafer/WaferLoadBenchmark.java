package defectlens.wafer;

import com.sun.management.GarbageCollectionNotificationInfo;
import java.lang.management.GarbageCollectorMXBean;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryMXBean;
import java.lang.management.MemoryUsage;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.atomic.AtomicLong;
import javax.management.Notification;
import javax.management.NotificationEmitter;
import javax.management.NotificationListener;
import javax.management.openmbean.CompositeData;

/**
 * Measures how long {@link WaferPickleReader} takes to load a wafer pickle and how much Java heap it
 * needs: the peak of used heap sampled every 20 ms during the load (live and not yet collected
 * objects), the peak of heap used right after each garbage collection (the live set, which decides
 * whether a smaller {@code -Xmx} suffices), and the heap still used by the loaded data set after a
 * full GC. Run as
 * {@code java -Xmx6g -cp target/classes:target/lib/* defectlens.wafer.WaferLoadBenchmark FILE [repeats]}.
 */
public final class WaferLoadBenchmark {
    private WaferLoadBenchmark() {
    }

    /** One load: maps read, seconds, peak used heap and heap retained by the data set, in bytes. */
    public record Result(int maps, double seconds, long peakHeapBytes, long peakAfterGcBytes,
            long retainedHeapBytes, long heapMaxBytes) {
        @Override
        public String toString() {
            return String.format(Locale.ROOT, "%d maps in %.1f s; peak used heap %.2f GB, peak after GC %.2f GB, "
                    + "retained %.2f GB (max heap %.2f GB)", maps, seconds, peakHeapBytes / 1e9,
                    peakAfterGcBytes / 1e9, retainedHeapBytes / 1e9, heapMaxBytes / 1e9);
        }
    }

    /** Loads {@code file} once and measures it. */
    public static Result measure(Path file) throws InterruptedException {
        MemoryMXBean memory = ManagementFactory.getMemoryMXBean();
        System.gc();
        long baseline = memory.getHeapMemoryUsage().getUsed();
        AtomicLong peak = new AtomicLong(baseline);
        Thread sampler = new Thread(() -> {
            while (!Thread.currentThread().isInterrupted()) {
                peak.accumulateAndGet(memory.getHeapMemoryUsage().getUsed(), Math::max);
                try {
                    Thread.sleep(20);
                } catch (InterruptedException e) {
                    return;
                }
            }
        }, "heap-sampler");
        sampler.setDaemon(true);
        AtomicLong afterGc = new AtomicLong();
        NotificationListener gcListener = (Notification n, Object handback) -> {
            if (GarbageCollectionNotificationInfo.GARBAGE_COLLECTION_NOTIFICATION.equals(n.getType())) {
                GarbageCollectionNotificationInfo info =
                        GarbageCollectionNotificationInfo.from((CompositeData) n.getUserData());
                long used = 0;
                for (MemoryUsage u : info.getGcInfo().getMemoryUsageAfterGc().values()) {
                    used += u.getUsed();
                }
                afterGc.accumulateAndGet(used, Math::max);
            }
        };
        List<NotificationEmitter> emitters = new ArrayList<>();
        for (GarbageCollectorMXBean gc : ManagementFactory.getGarbageCollectorMXBeans()) {
            if (gc instanceof NotificationEmitter e) {
                e.addNotificationListener(gcListener, null, null);
                emitters.add(e);
            }
        }
        sampler.start();
        long start = System.nanoTime();
        WaferDataset data = WaferPickleReader.read(file);
        double seconds = (System.nanoTime() - start) / 1e9;
        sampler.interrupt();
        sampler.join();
        peak.accumulateAndGet(memory.getHeapMemoryUsage().getUsed(), Math::max);
        for (NotificationEmitter e : emitters) {
            try {
                e.removeNotificationListener(gcListener);
            } catch (javax.management.ListenerNotFoundException ignored) {
                // the listener was added above; nothing to remove otherwise
            }
        }
        System.gc();
        long retained = memory.getHeapMemoryUsage().getUsed() - baseline;
        int maps = data.size();
        return new Result(maps, seconds, peak.get(), afterGc.get(), retained, Runtime.getRuntime().maxMemory());
    }

    public static void main(String[] args) throws InterruptedException {
        if (args.length < 1) {
            System.err.println("usage: WaferLoadBenchmark FILE [repeats]");
            System.exit(2);
        }
        int repeats = args.length > 1 ? Integer.parseInt(args[1]) : 1;
        for (int i = 0; i < repeats; i++) {
            System.out.println("run " + (i + 1) + ": " + measure(Path.of(args[0])));
        }
    }
}
