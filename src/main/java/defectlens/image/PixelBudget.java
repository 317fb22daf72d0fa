package defectlens.image;

import defectlens.core.DefectLensException;
import java.nio.file.Path;
import java.util.Locale;

/**
 * The largest image, in pixels, DefectLens decodes. Checked against the width and height a file's
 * header declares before any pixel is decoded, so a tiny file claiming 60000 x 60000 pixels is
 * refused instead of filling the heap. The default, 16384 x 16384 (268,435,456 pixels), holds every
 * real SEM frame; set the system property {@value #PROPERTY} to change it.
 */
public final class PixelBudget {
    /** System property holding the budget in pixels. */
    public static final String PROPERTY = "defectlens.maxImagePixels";
    /** The default budget: 16384 x 16384 pixels. */
    public static final long DEFAULT_PIXELS = 16384L * 16384L;
    /** Samples (pixels x channels) a raster can hold: the length limit of a Java array. */
    public static final long MAX_SAMPLES = Integer.MAX_VALUE - 16L;

    private PixelBudget() {
    }

    /** The budget now in force: the system property when set to a positive number, else the default. */
    public static long pixels() {
        String value = System.getProperty(PROPERTY);
        if (value == null || value.isBlank()) {
            return DEFAULT_PIXELS;
        }
        try {
            long v = Long.parseLong(value.trim());
            if (v > 0) {
                return v;
            }
        } catch (NumberFormatException e) {
            // fall through to the error below
        }
        throw new DefectLensException("the system property " + PROPERTY + " must be a positive number of pixels, not '"
                + value + "'");
    }

    /** Refuses an image of {@code width} x {@code height} pixels and {@code channels} channels that does not fit. */
    public static void check(Path file, long width, long height, int channels) {
        if (width <= 0 || height <= 0) {
            throw new DefectLensException(file, "image is " + width + " x " + height + " pixels (an empty image)");
        }
        long budget = pixels();
        long pixels;
        try {
            pixels = Math.multiplyExact(width, height);
        } catch (ArithmeticException e) {
            pixels = Long.MAX_VALUE;
        }
        if (pixels > budget) {
            throw new DefectLensException(file, String.format(Locale.ROOT,
                    "image is %d x %d pixels, more than the budget of %d pixels (set -D%s=N to raise it)",
                    width, height, budget, PROPERTY));
        }
        if (pixels > MAX_SAMPLES / Math.max(1, channels)) {
            throw new DefectLensException(file, String.format(Locale.ROOT,
                    "image is %d x %d pixels with %d channels: %d samples, more than one raster can hold (%d)",
                    width, height, channels, pixels * channels, MAX_SAMPLES));
        }
    }
}
