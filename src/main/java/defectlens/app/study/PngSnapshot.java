package defectlens.app.study;

import defectlens.image.ImageRaster;
import defectlens.image.OpenCv;
import defectlens.image.SemImageWriter;
import java.nio.file.Path;
import javafx.scene.Node;
import javafx.scene.image.PixelFormat;
import javafx.scene.image.WritableImage;

/**
 * Writes a snapshot of a node as PNG without {@code javafx.swing}: the pixels of the snapshot become an
 * 8-bit RGBA {@link ImageRaster}, which OpenCV writes. Call on the FX thread.
 */
public final class PngSnapshot {
    private PngSnapshot() {
    }

    public static void write(Node node, Path file) {
        WritableImage img = node.snapshot(null, null);
        int w = (int) img.getWidth();
        int h = (int) img.getHeight();
        int[] argb = new int[w * h];
        img.getPixelReader().getPixels(0, 0, w, h, PixelFormat.getIntArgbInstance(), argb, 0, w);
        short[] rgba = new short[w * h * 4];
        for (int i = 0; i < argb.length; i++) {
            int p = argb[i];
            rgba[4 * i] = (short) ((p >> 16) & 0xFF);
            rgba[4 * i + 1] = (short) ((p >> 8) & 0xFF);
            rgba[4 * i + 2] = (short) (p & 0xFF);
            rgba[4 * i + 3] = (short) ((p >>> 24) & 0xFF);
        }
        OpenCv.ensureLoaded();
        SemImageWriter.write(new ImageRaster(w, h, 4, 8, rgba), file);
    }
}
