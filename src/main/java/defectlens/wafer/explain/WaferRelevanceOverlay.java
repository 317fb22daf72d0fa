package defectlens.wafer.explain;

import defectlens.image.ArgbImage;
import defectlens.image.OpenCv;
import defectlens.image.SemImageWriter;
import java.nio.file.Path;
import org.opencv.core.CvType;
import org.opencv.core.Mat;

/**
 * Draws signed relevance over a square picture (a wafer map or a sinogram input) in plain Java: the
 * picture in grey (min-max normalised), relevance as a diverging colour, red for positive and blue for
 * negative, its opacity proportional to {@code |r| / max|r|} (raw values, the same scale for both signs),
 * each cell enlarged to {@code cell x cell} pixels; below it a legend bar from {@code -max} (blue) through
 * 0 (no colour) to {@code +max} (red). Written as PNG with OpenCV.
 */
public final class WaferRelevanceOverlay {
    /** Height of the legend bar in pixels. */
    public static final int LEGEND = 12;
    private static final int RED = 0xD7301F;
    private static final int BLUE = 0x2166AC;

    private WaferRelevanceOverlay() {
    }

    /** The overlay of {@code relevance} over {@code picture} (both row-major {@code side x side}). */
    public static ArgbImage render(float[] picture, float[] relevance, int side, int cell, double opacity) {
        if (picture.length != side * side || relevance.length != side * side) {
            throw new IllegalArgumentException("picture and relevance must both hold " + side + "x" + side + " values");
        }
        float lo = Float.POSITIVE_INFINITY;
        float hi = Float.NEGATIVE_INFINITY;
        float max = 0f;
        for (int i = 0; i < picture.length; i++) {
            lo = Math.min(lo, picture[i]);
            hi = Math.max(hi, picture[i]);
            if (Float.isFinite(relevance[i])) {
                max = Math.max(max, Math.abs(relevance[i]));
            }
        }
        int width = side * cell;
        int height = width + LEGEND;
        int[] px = new int[width * height];
        for (int r = 0; r < side; r++) {
            for (int c = 0; c < side; c++) {
                int i = r * side + c;
                int grey = (int) Math.round(30 + 170 * (hi > lo ? (picture[i] - lo) / (hi - lo) : 0));
                int colour = blend(grey, relevance[i], max, opacity);
                for (int y = r * cell; y < (r + 1) * cell; y++) {
                    java.util.Arrays.fill(px, y * width + c * cell, y * width + (c + 1) * cell, colour);
                }
            }
        }
        for (int x = 0; x < width; x++) {
            float v = (2f * x / (width - 1) - 1f) * (max > 0 ? max : 1f);
            int colour = blend(255, v, max > 0 ? max : 1f, 1.0);
            for (int y = width; y < height; y++) {
                px[y * width + x] = colour;
            }
        }
        return new ArgbImage(width, height, px);
    }

    private static int blend(int grey, float value, float max, double opacity) {
        double a = !Float.isFinite(value) || max <= 0 ? 0 : Math.min(1.0, Math.abs(value) / max) * opacity;
        int tint = value >= 0 ? RED : BLUE;
        int r = (int) Math.round(grey * (1 - a) + ((tint >> 16) & 0xFF) * a);
        int g = (int) Math.round(grey * (1 - a) + ((tint >> 8) & 0xFF) * a);
        int b = (int) Math.round(grey * (1 - a) + (tint & 0xFF) * a);
        return 0xFF000000 | (r << 16) | (g << 8) | b;
    }

    /** Writes an opaque picture as PNG (alpha dropped). */
    public static void writePng(ArgbImage image, Path file) {
        OpenCv.ensureLoaded();
        byte[] bgr = new byte[image.width() * image.height() * 3];
        int[] px = image.pixels();
        for (int i = 0; i < px.length; i++) {
            bgr[3 * i] = (byte) px[i];
            bgr[3 * i + 1] = (byte) (px[i] >> 8);
            bgr[3 * i + 2] = (byte) (px[i] >> 16);
        }
        Mat mat = new Mat(image.height(), image.width(), CvType.CV_8UC3);
        try {
            mat.put(0, 0, bgr);
            SemImageWriter.writeMat(mat, file, 95);
        } finally {
            mat.release();
        }
    }
}
