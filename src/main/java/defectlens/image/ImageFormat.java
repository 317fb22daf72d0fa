package defectlens.image;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.Locale;
import java.util.Optional;

/**
 * The image file formats DefectLens reads, told apart by their magic bytes (not the file name), with
 * a cheap structural check that a PNG or BMP is complete. Whether a JPEG is complete is the
 * decoder's verdict ({@link DecoderVerdict}), never a guess from its trailing bytes.
 */
public enum ImageFormat {
    PNG, JPEG, BMP, TIFF;

    public static Optional<ImageFormat> sniff(byte[] b) {
        if (b.length >= 8 && (b[0] & 0xFF) == 0x89 && b[1] == 'P' && b[2] == 'N' && b[3] == 'G') {
            return Optional.of(PNG);
        }
        if (b.length >= 3 && (b[0] & 0xFF) == 0xFF && (b[1] & 0xFF) == 0xD8 && (b[2] & 0xFF) == 0xFF) {
            return Optional.of(JPEG);
        }
        if (b.length >= 2 && b[0] == 'B' && b[1] == 'M') {
            return Optional.of(BMP);
        }
        if (b.length >= 4 && ((b[0] == 'I' && b[1] == 'I' && b[2] == 42 && b[3] == 0)
                || (b[0] == 'M' && b[1] == 'M' && b[2] == 0 && b[3] == 42))) {
            return Optional.of(TIFF);
        }
        return Optional.empty();
    }

    /** Whether a file name has an extension of a readable image format. */
    public static boolean hasImageExtension(String fileName) {
        String n = fileName.toLowerCase(Locale.ROOT);
        return n.endsWith(".png") || n.endsWith(".jpg") || n.endsWith(".jpeg") || n.endsWith(".bmp")
                || n.endsWith(".tif") || n.endsWith(".tiff");
    }

    /** A description of why a PNG or BMP is incomplete, or empty (always for JPEG and TIFF). */
    public Optional<String> truncation(byte[] b) {
        switch (this) {
            case PNG: {
                int from = Math.max(8, b.length - 64);
                for (int i = b.length - 4; i >= from; i--) {
                    if (b[i] == 'I' && b[i + 1] == 'E' && b[i + 2] == 'N' && b[i + 3] == 'D') {
                        return Optional.empty();
                    }
                }
                return Optional.of("truncated PNG: the IEND chunk is missing");
            }
            case BMP: {
                if (b.length < 14) {
                    return Optional.of("truncated BMP header");
                }
                long declared = ByteBuffer.wrap(b, 2, 4).order(ByteOrder.LITTLE_ENDIAN).getInt() & 0xFFFFFFFFL;
                return declared > b.length
                        ? Optional.of("truncated BMP: header declares " + declared + " bytes, file has " + b.length)
                        : Optional.empty();
            }
            default:
                return Optional.empty();
        }
    }
}
