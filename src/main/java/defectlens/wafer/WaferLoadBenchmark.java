package defectlens.wafer;

import defectlens.core.HeapWatch;
import java.nio.file.Path;
import java.util.Locale;

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
    public static Result measure(Path file) {
        System.gc();
        try (HeapWatch heap = new HeapWatch()) {
            long baseline = heap.used();
            long start = System.nanoTime();
            WaferDataset data = WaferPickleReader.read(file);
            double seconds = (System.nanoTime() - start) / 1e9;
            heap.close();
            long retained = heap.usedAfterFullGc() - baseline;
            return new Result(data.size(), seconds, heap.peak(), heap.peakAfterGc(), retained,
                    Runtime.getRuntime().maxMemory());
        }
    }

    public static void main(String[] args) {
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
