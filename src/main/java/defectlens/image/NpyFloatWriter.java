package defectlens.image;

import defectlens.core.OutputFile;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;

/**
 * Writes a float32 array as a NumPy {@code .npy} file, format version 1.0: the magic {@code \x93NUMPY},
 * version bytes 1 0, a little-endian uint16 header length, an ASCII dict header
 * {@code {'descr': '<f4', 'fortran_order': False, 'shape': (...), }} padded with spaces and ended by a
 * newline so that the data starts on a multiple of 64 bytes, then the values in C order, little-endian.
 * {@code numpy.load} reads it. The file is written to a temporary name and moved into place.
 */
public final class NpyFloatWriter {
    private static final byte[] MAGIC = {(byte) 0x93, 'N', 'U', 'M', 'P', 'Y', 1, 0};

    private NpyFloatWriter() {
    }

    /** The bytes of an .npy file holding {@code values} in C order with the given shape. */
    public static byte[] encode(float[] values, long... shape) {
        long count = 1;
        for (long d : shape) {
            count *= d;
        }
        if (count != values.length) {
            throw new IllegalArgumentException("shape holds " + count + " values, the array has " + values.length);
        }
        StringBuilder dims = new StringBuilder();
        for (long d : shape) {
            dims.append(d).append(", ");
        }
        String shapeText = shape.length == 1 ? "(" + shape[0] + ",)"
                : "(" + (shape.length == 0 ? "" : dims.substring(0, dims.length() - 2)) + ")";
        String dict = "{'descr': '<f4', 'fortran_order': False, 'shape': " + shapeText + ", }";
        int unpadded = MAGIC.length + 2 + dict.length() + 1;
        int padding = (64 - unpadded % 64) % 64;
        String header = dict + " ".repeat(padding) + "\n";
        ByteBuffer out = ByteBuffer.allocate(MAGIC.length + 2 + header.length() + 4 * values.length)
                .order(ByteOrder.LITTLE_ENDIAN);
        out.put(MAGIC);
        out.putShort((short) header.length());
        out.put(header.getBytes(StandardCharsets.US_ASCII));
        for (float v : values) {
            out.putFloat(v);
        }
        return out.array();
    }

    /** Writes (replacing) an .npy file through a temporary file; a failure leaves no partial file. */
    public static void write(Path file, float[] values, long... shape) {
        byte[] bytes = encode(values, shape);
        OutputFile.write(file, true, out -> out.write(bytes));
    }
}
