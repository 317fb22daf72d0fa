package defectlens.image;

import defectlens.core.DefectLensException;
import defectlens.core.OutputFile;
import java.io.IOException;
import java.nio.file.Path;
import org.opencv.core.CvException;
import org.opencv.core.Mat;
import org.opencv.core.MatOfInt;
import org.opencv.imgcodecs.Imgcodecs;

/**
 * Writes rasters as PNG, JPEG, BMP or TIFF (chosen by the file extension) at their bit depth, through a
 * temporary file of the same extension moved into place ({@link OutputFile}), replacing an older file.
 */
public final class SemImageWriter {
    private SemImageWriter() {
    }

    public static void write(ImageRaster raster, Path file) {
        write(raster, file, 95);
    }

    /** {@code jpegQuality} 0..100 applies to JPEG files only. */
    public static void write(ImageRaster raster, Path file, int jpegQuality) {
        Mat m = ImageConversions.toMat(raster);
        try {
            writeMat(m, file, jpegQuality);
        } finally {
            m.release();
        }
    }

    /** Writes an OpenCV image (8-bit BGR or gray) the same way: temporary file, then moved into place. */
    public static void writeMat(Mat m, Path file, int jpegQuality) {
        if (!ImageFormat.hasImageExtension(file.getFileName().toString())) {
            throw new DefectLensException(file, "unknown image extension (use .png, .jpg, .bmp or .tif)");
        }
        MatOfInt params = new MatOfInt(Imgcodecs.IMWRITE_JPEG_QUALITY, jpegQuality);
        try {
            OutputFile.writeFile(file, true, tmp -> {
                boolean written;
                try {
                    written = Imgcodecs.imwrite(tmp.toString(), m, params);
                } catch (CvException e) {
                    written = false;
                }
                if (!written) {
                    throw new IOException("OpenCV could not write the image");
                }
            });
        } finally {
            params.release();
        }
    }
}
