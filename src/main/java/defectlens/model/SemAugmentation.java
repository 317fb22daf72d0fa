package defectlens.model;

import java.util.Random;

/**
 * Augmentation suited to SEM line/space images, on a gray square image with values in [0, 1]:
 * horizontal and vertical flips, rotations by multiples of 90 degrees, brightness and contrast
 * changes, and small shifts with edge replication; the strong variant adds gamma changes and Gaussian noise.
 * Nothing a real SEM frame cannot show.
 */
public final class SemAugmentation {
    private final double maxShift;
    private final double brightness;
    private final double contrast;
    private final double gamma;
    private final double noise;

    /** Shifts up to {@code maxShift} of the size, brightness +-{@code brightness}, contrast 1+-{@code contrast}. */
    public SemAugmentation(double maxShift, double brightness, double contrast) {
        this(maxShift, brightness, contrast, 0, 0);
    }

    /**
     * As {@link #SemAugmentation(double, double, double)}, plus a gamma exponent exp(+-{@code gamma}) and Gaussian
     * noise of a standard deviation up to {@code noise} (both drawn only when positive).
     */
    public SemAugmentation(double maxShift, double brightness, double contrast, double gamma, double noise) {
        this.maxShift = maxShift;
        this.brightness = brightness;
        this.contrast = contrast;
        this.gamma = gamma;
        this.noise = noise;
    }

    public static SemAugmentation standard() {
        return new SemAugmentation(0.06, 0.08, 0.2);
    }

    /**
     * For native-resolution crops (the crop position already shifts): no shift, brightness +-0.15, contrast 1+-0.4,
     * gamma exp(+-0.35), noise up to 0.04.
     */
    public static SemAugmentation strong() {
        return new SemAugmentation(0, 0.15, 0.4, 0.35, 0.04);
    }

    /** A new augmented copy of {@code image} ({@code size} x {@code size}, row-major). */
    public float[] apply(float[] image, int size, Random random) {
        return apply(image, null, size, random)[0];
    }

    /**
     * A new augmented copy of {@code image} and, when {@code plane} is not null, of {@code plane} (a mask of the same
     * size) moved by the same flips, turns and shift and nothing else: {@code {image, plane}}. The random draws are
     * those of {@link #apply(float[], int, Random)}.
     */
    public float[][] apply(float[] image, float[] plane, int size, Random random) {
        boolean flipX = random.nextBoolean();
        boolean flipY = random.nextBoolean();
        int turns = random.nextInt(4);
        int limit = (int) Math.round(maxShift * size);
        int dx = limit == 0 ? 0 : random.nextInt(2 * limit + 1) - limit;
        int dy = limit == 0 ? 0 : random.nextInt(2 * limit + 1) - limit;
        double gain = 1 + (random.nextDouble() * 2 - 1) * contrast;
        double offset = (random.nextDouble() * 2 - 1) * brightness;
        double exponent = gamma > 0 ? Math.exp((random.nextDouble() * 2 - 1) * gamma) : 1;
        double sigma = noise > 0 ? noise * random.nextDouble() : 0;
        double mean = 0;
        for (float v : image) {
            mean += v;
        }
        mean /= image.length;
        float[] out = new float[image.length];
        float[] planeOut = plane == null ? null : new float[plane.length];
        int last = size - 1;
        for (int y = 0; y < size; y++) {
            for (int x = 0; x < size; x++) {
                int sx = clamp(x - dx, last);
                int sy = clamp(y - dy, last);
                // undo the rotation, then the flips
                int rx = sx;
                int ry = sy;
                for (int t = 0; t < turns; t++) {
                    int tmp = rx;
                    rx = ry;
                    ry = last - tmp;
                }
                if (flipX) {
                    rx = last - rx;
                }
                if (flipY) {
                    ry = last - ry;
                }
                if (planeOut != null) {
                    planeOut[y * size + x] = plane[ry * size + rx];
                }
                double v = (image[ry * size + rx] - mean) * gain + mean + offset;
                if (exponent != 1) {
                    v = Math.pow(Math.max(0, v), exponent);
                }
                if (sigma > 0) {
                    v += sigma * random.nextGaussian();
                }
                out[y * size + x] = (float) Math.min(1, Math.max(0, v));
            }
        }
        return new float[][] {out, planeOut};
    }

    private static int clamp(int v, int last) {
        return v < 0 ? 0 : Math.min(v, last);
    }
}
