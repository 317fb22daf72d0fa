package defectlens.wafer;

import java.util.Arrays;
import java.util.stream.IntStream;

/**
 * Forward Radon transform of square maps as one precomputed sparse linear map.
 *
 * <p>The geometry ({@link RadonGeometry}) fixes, for every sinogram bin, the bilinear interpolation
 * weights of all its ray samples; they are summed per (bin, pixel) once, when the transform is built, and
 * stored column-wise (per map pixel: the bins it feeds and with which weight). A batch of maps is then one
 * sparse-dense matrix product {@code S = X W^T} that skips the zero pixels of each map, which makes
 * binary wafer masks (mostly zero) cheap. Maps of a batch run in parallel. The transform is immutable and
 * thread-safe; build it once per (side, angles, centre) and reuse it.
 *
 * <p>For odd sides (with {@link RadonCentre#SCIKIT_IMAGE}, the default there) it reproduces
 * {@code skimage.transform.radon(image, theta=np.linspace(0, 180, angles, endpoint=False), circle=False)}
 * (transposed: this class is angle-major); for even sides the default {@link RadonCentre#GEOMETRIC} centre
 * makes rotations and flips of the map exact permutations of the extended sinogram.
 */
public final class RadonTransform {
    /** Batches of at least this many maps are transformed in parallel (the common fork-join pool). */
    public static final int PARALLEL_FROM = 16;
    private final RadonGeometry geometry;
    private final int bins;
    /** CSC: the entries of pixel j are {@code [columnStart[j], columnStart[j + 1])}. */
    private final int[] columnStart;
    private final int[] binIndex;
    private final float[] weight;

    public RadonTransform(RadonGeometry geometry) {
        this.geometry = geometry;
        int n = geometry.side();
        int p = geometry.detectorSize();
        this.bins = geometry.angles() * p;
        int pixels = n * n;
        // pass 1: per bin, accumulate its pixel weights in a dense scratch row; collect (pixel, bin, w)
        int[][] perPixelBins = new int[pixels][];
        float[][] perPixelWeights = new float[pixels][];
        int[] counts = new int[pixels];
        double[] scratch = new double[pixels];
        int[] touched = new int[pixels];
        boolean[] isTouched = new boolean[pixels];
        double c0 = geometry.imageCentre();
        double d0 = geometry.detectorCentre();
        for (int a = 0; a < geometry.angles(); a++) {
            double cos = geometry.cos(a);
            double sin = geometry.sin(a);
            for (int x = 0; x < p; x++) {
                int nTouched = 0;
                double t = x - d0;
                for (int y = 0; y < p; y++) {
                    double s = y - d0;
                    double col = c0 + t * cos + s * sin;
                    double row = c0 - t * sin + s * cos;
                    int r0 = (int) Math.floor(row);
                    int k0 = (int) Math.floor(col);
                    double dr = row - r0;
                    double dc = col - k0;
                    for (int i = 0; i < 4; i++) {
                        int rr = r0 + (i >> 1);
                        int cc = k0 + (i & 1);
                        double w = ((i >> 1) == 0 ? 1 - dr : dr) * ((i & 1) == 0 ? 1 - dc : dc);
                        if (w == 0.0 || rr < 0 || rr >= n || cc < 0 || cc >= n) {
                            continue;
                        }
                        int px = rr * n + cc;
                        if (!isTouched[px]) {
                            isTouched[px] = true;
                            touched[nTouched++] = px;
                        }
                        scratch[px] += w;
                    }
                }
                int bin = a * p + x;
                for (int i = 0; i < nTouched; i++) {
                    int px = touched[i];
                    append(perPixelBins, perPixelWeights, counts, px, bin, (float) scratch[px]);
                    scratch[px] = 0.0;
                    isTouched[px] = false;
                }
            }
        }
        this.columnStart = new int[pixels + 1];
        for (int j = 0; j < pixels; j++) {
            columnStart[j + 1] = columnStart[j] + counts[j];
        }
        this.binIndex = new int[columnStart[pixels]];
        this.weight = new float[columnStart[pixels]];
        for (int j = 0; j < pixels; j++) {
            if (counts[j] > 0) {
                System.arraycopy(perPixelBins[j], 0, binIndex, columnStart[j], counts[j]);
                System.arraycopy(perPixelWeights[j], 0, weight, columnStart[j], counts[j]);
            }
        }
    }

    /** The transform of {@code side x side} maps over {@code angles} angles with the default centre. */
    public static RadonTransform of(int side, int angles) {
        return new RadonTransform(RadonGeometry.of(side, angles));
    }

    private static void append(int[][] bins, float[][] weights, int[] counts, int px, int bin, float w) {
        int c = counts[px];
        if (bins[px] == null) {
            bins[px] = new int[64];
            weights[px] = new float[64];
        } else if (c == bins[px].length) {
            bins[px] = Arrays.copyOf(bins[px], 2 * c);
            weights[px] = Arrays.copyOf(weights[px], 2 * c);
        }
        bins[px][c] = bin;
        weights[px][c] = w;
        counts[px] = c + 1;
    }

    public RadonGeometry geometry() {
        return geometry;
    }

    /** Stored non-zero weights of the projection matrix. */
    public int nonZeros() {
        return weight.length;
    }

    /** The sinogram of one row-major {@code side x side} map. */
    public Sinogram forward(float[] map) {
        float[] out = new float[bins];
        project(map, out);
        return new Sinogram(geometry.angles(), geometry.detectorSize(), out);
    }

    /**
     * Sinograms of a batch of maps: one sparse-dense matrix product, in parallel from {@link #PARALLEL_FROM}
     * maps on (a smaller batch, such as the unit of a pipeline worker, is not worth handing to other threads).
     */
    public Sinogram[] forward(float[][] maps) {
        Sinogram[] out = new Sinogram[maps.length];
        IntStream all = IntStream.range(0, maps.length);
        (maps.length >= PARALLEL_FROM ? all.parallel() : all).forEach(b -> out[b] = forward(maps[b]));
        return out;
    }

    /** Accumulates the sinogram of {@code map} into {@code out} (angle-major, {@code angles * detectors}). */
    public void project(float[] map, float[] out) {
        int pixels = geometry.side() * geometry.side();
        if (map.length != pixels) {
            throw new IllegalArgumentException("map has " + map.length + " values, not " + geometry.side() + "x" + geometry.side());
        }
        if (out.length != bins) {
            throw new IllegalArgumentException("sinogram buffer has " + out.length + " values, not " + bins);
        }
        for (int j = 0; j < pixels; j++) {
            float v = map[j];
            if (v == 0f) {
                continue;
            }
            int end = columnStart[j + 1];
            for (int e = columnStart[j]; e < end; e++) {
                out[binIndex[e]] += v * weight[e];
            }
        }
    }
}
