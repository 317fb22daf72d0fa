package defectlens.app.study;

import defectlens.image.ArgbImage;
import defectlens.image.ArgbImageWriter;
import defectlens.image.OpenCv;
import java.nio.file.Path;
import javafx.scene.Node;
import javafx.scene.image.PixelFormat;
import javafx.scene.image.WritableImage;

/**
 * Snapshots of a node as PNG without {@code javafx.swing}: {@link #capture} takes the pixels on the FX thread (it
 * must: JavaFX renders there), {@link #save} encodes and writes them through OpenCV on any thread, so a window
 * hands the writing to a background task.
 */
public final class PngSnapshot {
    private PngSnapshot() {
    }

    /** The node's pixels as shown (FX thread). */
    public static ArgbImage capture(Node node) {
        WritableImage img = node.snapshot(null, null);
        int w = (int) img.getWidth();
        int h = (int) img.getHeight();
        int[] argb = new int[w * h];
        img.getPixelReader().getPixels(0, 0, w, h, PixelFormat.getIntArgbInstance(), argb, 0, w);
        return new ArgbImage(w, h, argb);
    }

    /** Writes captured pixels as PNG over white (any thread). */
    public static void save(ArgbImage pixels, Path file) {
        OpenCv.ensureLoaded();
        ArgbImageWriter.write(pixels, file, 0xFFFFFF);
    }

    /** Captures and writes in one go (FX thread; for tests and screenshots). */
    public static void write(Node node, Path file) {
        save(capture(node), file);
    }
}
