package defectlens.image;

import defectlens.core.DefectLensException;
import java.nio.file.Path;
import java.util.Optional;
import org.opencv.core.CvException;
import org.opencv.core.Mat;
import org.opencv.core.MatOfByte;
import org.opencv.imgcodecs.Imgcodecs;

/**
 * Reads PNG, JPEG, BMP and TIFF files, 8- or 16-bit, gray or colour, at their original depth
 * (OpenCV {@code imdecode} with {@code IMREAD_UNCHANGED}). Files are read as bytes first, so
 * non-ASCII paths work and every failure becomes one {@link DefectLensException} naming the file.
 * Before OpenCV sees a pixel the file must be a regular file ({@link RegularFiles}), its header must
 * fit the {@link PixelBudget}, and the JDK's decoder must read it without a warning
 * ({@link DecoderVerdict}): a truncated or corrupt file is refused, never filled with grey.
 */
public final class SemImageReader {
    private SemImageReader() {
    }

    public static ImageRaster read(Path file) {
        byte[] bytes = RegularFiles.readAllBytes(file);
        ImageFormat format = ImageFormat.sniff(bytes).orElseThrow(() -> new DefectLensException(file,
                "not a PNG, JPEG, BMP or TIFF image (unrecognised file signature)"));
        ImageHeader.Result parsed = ImageHeader.parse(format, bytes);
        ImageHeader header = parsed.header().orElseThrow(() -> new DefectLensException(file, parsed.problem()));
        PixelBudget.check(file, header.width(), header.height(), Math.max(1, Math.min(4, header.channels())));
        Optional<String> truncated = format.truncation(bytes);
        if (truncated.isPresent()) {
            throw new DefectLensException(file, truncated.get());
        }
        Optional<String> verdict = DecoderVerdict.problem(header, bytes);
        if (verdict.isPresent()) {
            throw new DefectLensException(file, "truncated or corrupt " + format + " (the decoder reports: "
                    + verdict.get() + ")");
        }
        return decode(file, format, bytes);
    }

    private static ImageRaster decode(Path file, ImageFormat format, byte[] bytes) {
        OpenCv.ensureLoaded();
        MatOfByte buf = new MatOfByte(bytes);
        Mat mat;
        try {
            mat = Imgcodecs.imdecode(buf, Imgcodecs.IMREAD_UNCHANGED);
        } catch (CvException e) {
            throw new DefectLensException(file, "the " + format + " decoder refused the file: "
                    + firstLine(e.getMessage()), e);
        } finally {
            buf.release();
        }
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

    private static String firstLine(String message) {
        if (message == null) {
            return "no reason given";
        }
        String t = message.strip();
        int nl = t.indexOf('\n');
        return nl < 0 ? t : t.substring(0, nl);
    }
}
