package defectlens.image;

/**
 * Pixels of one image at their original bit depth: 8 or 16 bits per sample, 1 (gray), 3 (RGB) or
 * 4 (RGBA) channels, interleaved row by row in RGB(A) order. Samples are unsigned and stored in a
 * {@code short[]} (read them with {@link #sample}), so a 16-bit SEM image keeps every grey level
 * for display windowing and model input.
 */
public final class ImageRaster {
    private final int width;
    private final int height;
    private final int channels;
    private final int bitDepth;
    private final short[] samples;

    public ImageRaster(int width, int height, int channels, int bitDepth, short[] samples) {
        if (width <= 0 || height <= 0) {
            throw new IllegalArgumentException("image size must be positive: " + width + "x" + height);
        }
        if (channels != 1 && channels != 3 && channels != 4) {
            throw new IllegalArgumentException("channels must be 1, 3 or 4: " + channels);
        }
        if (bitDepth != 8 && bitDepth != 16) {
            throw new IllegalArgumentException("bit depth must be 8 or 16: " + bitDepth);
        }
        if (samples.length != (long) width * height * channels) {
            throw new IllegalArgumentException("expected " + (long) width * height * channels + " samples, got " + samples.length);
        }
        this.width = width;
        this.height = height;
        this.channels = channels;
        this.bitDepth = bitDepth;
        this.samples = samples;
    }

    /** A gray 8-bit raster from unsigned bytes. */
    public static ImageRaster gray8(int width, int height, byte[] pixels) {
        short[] s = new short[pixels.length];
        for (int i = 0; i < pixels.length; i++) {
            s[i] = (short) (pixels[i] & 0xFF);
        }
        return new ImageRaster(width, height, 1, 8, s);
    }

    public int width() {
        return width;
    }

    public int height() {
        return height;
    }

    public int channels() {
        return channels;
    }

    public int bitDepth() {
        return bitDepth;
    }

    /** Largest value a sample can take: 255 or 65535. */
    public int maxValue() {
        return (1 << bitDepth) - 1;
    }

    /** The unsigned sample at (x, y) in channel c. */
    public int sample(int x, int y, int c) {
        return samples[(y * width + x) * channels + c] & 0xFFFF;
    }

    /** The raw sample buffer (shared, not copied): index {@code (y * width + x) * channels + c}. */
    public short[] samples() {
        return samples;
    }

    /** Colour channels without alpha: 1 for gray, 3 for RGB and RGBA. */
    public int colorChannels() {
        return channels == 1 ? 1 : 3;
    }

    /** Luminance-free gray value used for display statistics: the gray sample or the mean of R, G, B. */
    public int intensity(int x, int y) {
        int base = (y * width + x) * channels;
        if (channels == 1) {
            return samples[base] & 0xFFFF;
        }
        return ((samples[base] & 0xFFFF) + (samples[base + 1] & 0xFFFF) + (samples[base + 2] & 0xFFFF)) / 3;
    }

    /** A short description such as {@code 480x480 gray 8-bit}. */
    public String describe() {
        String kind = channels == 1 ? "gray" : channels == 3 ? "RGB" : "RGBA";
        return width + "x" + height + " " + kind + " " + bitDepth + "-bit";
    }
}
