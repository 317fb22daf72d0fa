package defectlens.image;

import java.nio.file.Path;
import org.opencv.core.Mat;
import org.opencv.core.Size;
import org.opencv.imgproc.Imgproc;

/** Small previews for the data-set browser: windowed (min/max) and shrunk with area averaging. */
public final class Thumbnails {
    private Thumbnails() {
    }

    /** A thumbnail whose longer side is {@code size} pixels. */
    public static ArgbImage of(ImageRaster r, int size) {
        double f = (double) size / Math.max(r.width(), r.height());
        ImageRaster small = r;
        if (f < 1) {
            int w = Math.max(1, (int) Math.round(r.width() * f));
            int h = Math.max(1, (int) Math.round(r.height() * f));
            Mat m = ImageConversions.toMat(r);
            Mat dst = new Mat();
            try {
                Imgproc.resize(m, dst, new Size(w, h), 0, 0, Imgproc.INTER_AREA);
                small = ImageConversions.fromMat(dst);
            } finally {
                m.release();
                dst.release();
            }
        }
        return DisplayWindow.minMax(small).render(small);
    }

    public static ArgbImage of(Path file, int size) {
        return of(SemImageReader.read(file), size);
    }
}
