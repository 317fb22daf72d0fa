package defectlens.image;

/**
 * A display-ready picture: packed 0xAARRGGBB pixels, row by row. The window wraps it in a JavaFX
 * image; tests and the CLI read or save it without any UI.
 */
public record ArgbImage(int width, int height, int[] pixels) {
    public ArgbImage {
        if (pixels.length != width * height) {
            throw new IllegalArgumentException("expected " + width * height + " pixels, got " + pixels.length);
        }
    }

    public static ArgbImage blank(int width, int height) {
        return new ArgbImage(width, height, new int[width * height]);
    }

    public int argb(int x, int y) {
        return pixels[y * width + x];
    }

    public int alpha(int x, int y) {
        return argb(x, y) >>> 24;
    }
}
