package defectlens.dataset;

import defectlens.DefectLensException;
import java.nio.file.Path;
import org.opencv.core.CvType;
import org.opencv.core.Mat;
import org.opencv.core.MatOfInt;
import org.opencv.imgcodecs.Imgcodecs;

/**
 * Writes and reads 8-bit single-channel images (JPEG for SEM images, PNG for masks) through OpenCV,
 * loading the native library once per process.
 */
public final class GrayImageFiles {
    private static volatile boolean loaded;

    private GrayImageFiles() {
    }

    /** Loads OpenCV's native library (idempotent). */
    public static void loadOpenCv() {
        if (!loaded) {
            synchronized (GrayImageFiles.class) {
                if (!loaded) {
                    nu.pattern.OpenCV.loadLocally();
                    loaded = true;
                }
            }
        }
    }

    /** Writes grey levels as a baseline JPEG of the given quality (1-100). */
    public static void writeJpeg(Path file, byte[] pixels, int width, int height, int quality) {
        loadOpenCv();
        write(file, pixels, width, height, new MatOfInt(Imgcodecs.IMWRITE_JPEG_QUALITY, quality));
    }

    /** Writes grey levels as a PNG (lossless, maximum compression). */
    public static void writePng(Path file, byte[] pixels, int width, int height) {
        loadOpenCv();
        write(file, pixels, width, height, new MatOfInt(Imgcodecs.IMWRITE_PNG_COMPRESSION, 9));
    }

    /** Reads any image OpenCV understands as 8-bit grey levels, row-major. */
    public static byte[] readGray(Path file) {
        loadOpenCv();
        Mat m = Imgcodecs.imread(file.toString(), Imgcodecs.IMREAD_GRAYSCALE);
        try {
            if (m.empty()) {
                throw new DefectLensException(file, "cannot be read as an image");
            }
            byte[] out = new byte[(int) m.total()];
            m.get(0, 0, out);
            return out;
        } finally {
            m.release();
        }
    }

    private static void write(Path file, byte[] pixels, int width, int height, MatOfInt params) {
        loadOpenCv();
        Mat m = new Mat(height, width, CvType.CV_8UC1);
        try {
            m.put(0, 0, pixels);
            if (!Imgcodecs.imwrite(file.toString(), m, params)) {
                throw new DefectLensException(file, "could not be written");
            }
        } finally {
            m.release();
            params.release();
        }
    }
}
