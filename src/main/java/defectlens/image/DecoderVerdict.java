package defectlens.image;

import java.io.ByteArrayInputStream;
import java.io.EOFException;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import javax.imageio.ImageIO;
import javax.imageio.ImageReadParam;
import javax.imageio.ImageReader;
import javax.imageio.stream.ImageInputStream;
import javax.imageio.stream.MemoryCacheImageInputStream;

/**
 * Asks the JDK's own decoder (javax.imageio: libjpeg for JPEG, the PNG, BMP and TIFF plug-ins)
 * whether a file decodes cleanly, before OpenCV reads its pixels. A decoder that meets the end of the
 * data early or a corrupt segment says so through a warning or an exception; either makes the file
 * invalid; a reader that declines an unimplemented feature gives no verdict ({@link #unsupported}).
 * Guessing from trailing bytes does not work: a cut JPEG whose EXIF thumbnail ends in the
 * end-of-image marker, or a cut JPEG with the marker appended, looks whole from its last bytes. Every
 * row is decoded, but only every 16th column kept, so the check needs a sixteenth of the pixel memory.
 * Because OpenCV only ever sees files that passed, its native decoders have nothing to warn about on
 * the console.
 */
public final class DecoderVerdict {
    private static final int COLUMN_STEP = 16;
    private static final int MAX_MESSAGE = 200;

    private DecoderVerdict() {
    }

    /** Empty when the decoder reads every row without a warning, else what it reported. */
    public static Optional<String> problem(ImageHeader header, byte[] bytes) {
        String name = header.format().name().toLowerCase(Locale.ROOT);
        Iterator<ImageReader> readers = ImageIO.getImageReadersByFormatName(name);
        if (!readers.hasNext()) {
            return Optional.empty();
        }
        ImageReader reader = readers.next();
        List<String> warnings = new ArrayList<>();
        try (ImageInputStream in = new MemoryCacheImageInputStream(new ByteArrayInputStream(bytes))) {
            reader.setInput(in, true, true);
            reader.addIIOReadWarningListener((source, warning) -> warnings.add(warning));
            ImageReadParam param = reader.getDefaultReadParam();
            int step = (int) Math.max(1, Math.min(COLUMN_STEP, header.width()));
            param.setSourceSubsampling(step, 1, 0, 0);
            if (reader.canReadRaster()) {
                reader.readRaster(0, param);
            } else {
                reader.read(0, param);
            }
        } catch (IOException | RuntimeException e) {
            String problem = describe(e);
            return unsupported(problem) ? Optional.empty() : Optional.of(problem);
        } finally {
            reader.dispose();
        }
        return warnings.stream().filter(w -> !harmless(w)).findFirst().map(DecoderVerdict::shorten);
    }

    /**
     * Warnings libjpeg gives for files that are whole and decode to every pixel: padding between segments
     * ("extraneous bytes before marker") and the parameter quirk of some encoders ("Invalid SOS parameters for
     * sequential JPEG"). A premature end, a corrupt data segment or a bad Huffman code are not among them.
     */
    static boolean harmless(String warning) {
        String w = warning.toLowerCase(Locale.ROOT);
        return w.contains("extraneous bytes before marker") || w.contains("invalid sos parameters");
    }

    /**
     * Whether the JDK reader declined a feature it does not implement (a 16-bit TIFF with a horizontal
     * predictor, a lossless JPEG) rather than finding the data broken: then it has no verdict, and OpenCV's
     * own decoder, which refuses broken data with an empty result, decides.
     */
    static boolean unsupported(String problem) {
        String p = problem.toLowerCase(Locale.ROOT);
        return p.contains("not supported") || p.contains("unsupported");
    }

    private static String describe(Exception e) {
        String m = e.getMessage();
        if (m == null || m.isBlank()) {
            m = e instanceof EOFException ? "unexpected end of file" : e.getClass().getSimpleName();
        }
        Throwable cause = e.getCause();
        if (cause != null && cause.getMessage() != null && !m.contains(cause.getMessage())) {
            m = m + ": " + cause.getMessage();
        }
        return shorten(m);
    }

    private static String shorten(String m) {
        String one = m.replaceAll("\\s+", " ").trim();
        return one.length() > MAX_MESSAGE ? one.substring(0, MAX_MESSAGE) + "..." : one;
    }
}
