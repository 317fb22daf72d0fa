package defectlens.wafer.features;

import defectlens.core.Progress;
import defectlens.wafer.WaferMap;
import java.util.List;
import java.util.stream.IntStream;

/**
 * Computes the {@link WaferFeatures} of many maps in parallel (the common fork-join pool), chunk by chunk, handing
 * each chunk's rows in map order to a sink so that a caller can stream them out. Progress is the share of maps done;
 * cancelling stops after the current chunk.
 */
public final class FeatureExtractor {
    /** Maps per parallel chunk. */
    public static final int CHUNK = 2048;

    /** Receives the features of consecutive maps {@code first .. first + rows.length - 1}. */
    @FunctionalInterface
    public interface Sink {
        void accept(int first, double[][] rows);
    }

    private FeatureExtractor() {
    }

    /** The features of every map, row by row. */
    public static double[][] all(List<WaferMap> maps) {
        double[][] out = new double[maps.size()][];
        run(maps, (first, rows) -> System.arraycopy(rows, 0, out, first, rows.length), Progress.NONE);
        return out;
    }

    /**
     * Computes the features of the maps, chunk by chunk, in order.
     *
     * @return how many maps were done (fewer than {@code maps.size()} when cancelled)
     */
    public static int run(List<WaferMap> maps, Sink sink, Progress progress) {
        int done = 0;
        while (done < maps.size()) {
            if (progress.isCancelled()) {
                return done;
            }
            int first = done;
            int end = Math.min(maps.size(), first + CHUNK);
            double[][] rows = new double[end - first][];
            IntStream.range(first, end).parallel().forEach(i -> rows[i - first] = WaferFeatures.of(maps.get(i)));
            sink.accept(first, rows);
            done = end;
            progress.update((double) done / maps.size(), done + " / " + maps.size() + " maps");
        }
        return done;
    }
}
