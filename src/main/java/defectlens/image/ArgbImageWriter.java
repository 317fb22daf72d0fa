package defectlens.image;

import java.nio.file.Path;

/**
 * Writes an {@link ArgbImage} (a screen snapshot, a composed figure) as an 8-bit RGB image file
 * through OpenCV, compositing any transparency onto a background colour.
 */
public final class ArgbImageWriter {
    private ArgbImageWriter() {
    }

    /** Writes {@code image} to {@code file} (PNG, JPEG, BMP or TIFF by extension) over {@code backgroundRgb}. */
    public static void write(ArgbImage image, Path file, int backgroundRgb) {
        SemImageWriter.write(toRgb(image, backgroundRgb), file);
    }

    /** The picture as an 8-bit, 3-channel raster, alpha composited onto {@code backgroundRgb}. */
    public static ImageRaster toRgb(ArgbImage image, int backgroundRgb) {
        int n = image.width() * image.height();
        short[] rgb = new short[n * 3];
        int[] px = image.pixels();
        for (int i = 0; i < n; i++) {
            int p = px[i];
            double a = ((p >>> 24) & 0xFF) / 255.0;
            for (int c = 0; c < 3; c++) {
                int shift = 16 - 8 * c;
                double fg = (p >> shift) & 0xFF;
                double bg = (backgroundRgb >> shift) & 0xFF;
                rgb[3 * i + c] = (short) Math.round(fg * a + bg * (1 - a));
            }
        }
        return new ImageRaster(image.width(), image.height(), 3, 8, rgb);
    }
}
