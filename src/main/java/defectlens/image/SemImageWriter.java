package defectlens.image;

import defectlens.DefectLensException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.opencv.core.Mat;
import org.opencv.core.MatOfInt;
import org.opencv.imgcodecs.Imgcodecs;

/** Writes rasters as PNG, JPEG, BMP or TIFF (chosen by the file extension) at their bit depth. */
public final class SemImageWriter {
    private SemImageWriter() {
    }

    public static void write(ImageRaster raster, Path file) {
        write(raster, file, 95);
    }

    /** {@code jpegQuality} 0..100 applies to JPEG files only. */
    public static void write(ImageRaster raster, Path file, int jpegQuality) {
        if (!ImageFormat.hasImageExtension(file.getFileName().toString())) {
            throw new DefectLensException(file, "unknown image extension (use .png, .jpg, .bmp or .tif)");
        }
        try {
            Path parent = file.toAbsolutePath().getParent();
            if (parent != null) {
                Files.createDirectories(parent);
            }
        } catch (java.io.IOException e) {
            throw new DefectLensException(file, "cannot create its folder: " + e.getMessage(), e);
        }
        Mat m = ImageConversions.toMat(raster);
        try {
            MatOfInt params = new MatOfInt(Imgcodecs.IMWRITE_JPEG_QUALITY, jpegQuality);
            if (!Imgcodecs.imwrite(file.toString(), m, params)) {
                throw new DefectLensException(file, "OpenCV could not write the image");
            }
        } finally {
            m.release();
        }
    }
}
