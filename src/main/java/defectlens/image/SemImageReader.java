package defectlens.image;

import defectlens.DefectLensException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import org.opencv.core.Mat;
import org.opencv.core.MatOfByte;
import org.opencv.imgcodecs.Imgcodecs;

/**
 * Reads PNG, JPEG, BMP and TIFF files, 8- or 16-bit, gray or colour, at their original depth
 * (OpenCV {@code imdecode} with {@code IMREAD_UNCHANGED}). Files are read as bytes first, so
 * non-ASCII paths work and every failure becomes one {@link DefectLensException} naming the file.
 */
public final class SemImageReader {
    private SemImageReader() {
    }

    public static ImageRaster read(Path file) {
        byte[] bytes = readBytes(file);
        ImageFormat format = ImageFormat.sniff(bytes).orElseThrow(() -> new DefectLensException(file,
                "not a PNG, JPEG, BMP or TIFF image (unrecognised file signature)"));
        Optional<String> truncated = format.truncation(bytes);
        if (truncated.isPresent()) {
            throw new DefectLensException(file, truncated.get());
        }
        OpenCv.ensureLoaded();
        MatOfByte buf = new MatOfByte(bytes);
        Mat mat = Imgcodecs.imdecode(buf, Imgcodecs.IMREAD_UNCHANGED);
        buf.release();
        try {
            if (mat.empty()) {
                throw new DefectLensException(file, "the " + format + " data is corrupt or cannot be decoded");
            }
            return ImageConversions.fromMat(mat);
        } catch (IllegalArgumentException e) {
            throw new DefectLensException(file, e.getMessage(), e);
        } finally {
            mat.release();
        }
    }

    static byte[] readBytes(Path file) {
        if (!Files.exists(file)) {
            throw new DefectLensException(file, "file not found");
        }
        if (Files.isDirectory(file)) {
            throw new DefectLensException(file, "is a folder, not an image file");
        }
        try {
            byte[] bytes = Files.readAllBytes(file);
            if (bytes.length == 0) {
                throw new DefectLensException(file, "the file is empty");
            }
            return bytes;
        } catch (IOException e) {
            throw new DefectLensException(file, "cannot be read: " + e.getMessage(), e);
        }
    }
}
