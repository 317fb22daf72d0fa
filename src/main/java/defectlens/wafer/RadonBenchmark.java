package defectlens.wafer;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;

/**
 * Throughput of {@link RadonTransform} on a batch of 64x64 maps: the one-off cost of building the
 * projection matrix and the median maps per second of {@code forward(float[][])} over several repeats.
 * Two inputs: wafer-like binary masks (a disc of dies, clustered and scattered failures, seeded) and a
 * dense worst case (every pixel 1, no zero to skip).
 */
public final class RadonBenchmark {
    /** One measured configuration. */
    public record Result(String input, int angles, int batch, double meanNonZeroFraction, long matrixNonZeros,
            double buildMillis, double medianSeconds, double mapsPerSecond) {
    }

    private RadonBenchmark() {
    }

    /** Measures every angle count on wafer-like and dense maps. */
    public static List<Result> run(int[] angleCounts, int batch, int warmups, int repeats, long seed) {
        float[][] wafer = waferLikeMaps(batch, seed);
        float[][] dense = new float[batch][];
        for (int i = 0; i < batch; i++) {
            dense[i] = new float[WaferPreprocessing.SIZE * WaferPreprocessing.SIZE];
            Arrays.fill(dense[i], 1f);
        }
        List<Result> out = new ArrayList<>();
        for (int angles : angleCounts) {
            long t0 = System.nanoTime();
            RadonTransform radon = RadonTransform.of(WaferPreprocessing.SIZE, angles);
            double buildMillis = (System.nanoTime() - t0) / 1e6;
            out.add(measure("wafer-like", radon, wafer, warmups, repeats, buildMillis));
            out.add(measure("dense", radon, dense, warmups, repeats, buildMillis));
        }
        return out;
    }

    private static Result measure(String name, RadonTransform radon, float[][] maps, int warmups, int repeats, double buildMillis) {
        for (int i = 0; i < warmups; i++) {
            radon.forward(maps);
        }
        double[] seconds = new double[repeats];
        for (int i = 0; i < repeats; i++) {
            long t = System.nanoTime();
            radon.forward(maps);
            seconds[i] = (System.nanoTime() - t) / 1e9;
        }
        Arrays.sort(seconds);
        double median = seconds[repeats / 2];
        return new Result(name, radon.geometry().angles(), maps.length, nonZeroFraction(maps), radon.nonZeros(),
                buildMillis, median, maps.length / median);
    }

    static double nonZeroFraction(float[][] maps) {
        long nz = 0;
        long all = 0;
        for (float[] m : maps) {
            for (float v : m) {
                nz += v != 0f ? 1 : 0;
            }
            all += m.length;
        }
        return (double) nz / all;
    }

    /**
     * Binary 64x64 masks shaped like background-removed wafer maps: failures only inside the wafer disc
     * (radius 31), 3.5-18.5 % scattered plus one clustered blob or edge arc per map; about 14 % of all
     * pixels fail on average, like the real maps of {@code LSWMD_sample.pkl} resized to 64x64 (13.7 %).
     */
    public static float[][] waferLikeMaps(int count, long seed) {
        Random random = new Random(seed);
        int n = WaferPreprocessing.SIZE;
        float[][] maps = new float[count][];
        for (int k = 0; k < count; k++) {
            float[] m = new float[n * n];
            double scatter = 0.035 + 0.15 * random.nextDouble();
            double br = 10 + 40 * random.nextDouble();
            double bc = 10 + 40 * random.nextDouble();
            double radius = 4 + 12 * random.nextDouble();
            boolean ring = random.nextBoolean();
            for (int r = 0; r < n; r++) {
                for (int c = 0; c < n; c++) {
                    double dw = Math.hypot(r - 31.5, c - 31.5);
                    if (dw > 31) {
                        continue;
                    }
                    boolean cluster = ring ? dw > 27 && Math.abs(Math.atan2(r - 31.5, c - 31.5)) < 1.2
                            : Math.hypot(r - br, c - bc) < radius;
                    if (random.nextDouble() < (cluster ? 0.85 : scatter)) {
                        m[r * n + c] = 1f;
                    }
                }
            }
            maps[k] = m;
        }
        return maps;
    }
}
