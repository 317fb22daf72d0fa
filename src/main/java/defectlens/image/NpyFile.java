package defectlens.image;

import defectlens.core.DefectLensException;
import defectlens.core.OutputFile;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * NumPy {@code .npy} files of little-endian float32 arrays in C order, written and read by hand so that maps,
 * heatmaps and concept banks open directly in NumPy ({@code np.load}). Written as format version 1.0: the magic
 * {@code \x93NUMPY}, version bytes 1 0, a little-endian uint16 header length, an ASCII dict header
 * {@code {'descr': '<f4', 'fortran_order': False, 'shape': (...), }} padded with spaces and ended by a newline so
 * that the data starts on a multiple of 64 bytes, then the values. A file is written to a temporary name and
 * moved into place, so a reader never sees half of it.
 */
public final class NpyFile {
    private static final byte[] MAGIC = {(byte) 0x93, 'N', 'U', 'M', 'P', 'Y'};
    private static final Pattern SHAPE = Pattern.compile("'shape':\\s*\\(([^)]*)\\)");
    private static final Pattern DESCR = Pattern.compile("'descr':\\s*'([^']*)'");

    /** A float32 array and its shape. */
    public record Array(int[] shape, float[] data) {
        public Array {
            long n = 1;
            for (int d : shape) {
                n *= d;
            }
            if (n != data.length) {
                throw new IllegalArgumentException("shape " + Arrays.toString(shape) + " does not hold " + data.length + " values");
            }
        }
    }

    private NpyFile() {
    }

    /** The bytes of an NPY v1.0 file holding {@code data} with the given shape. */
    public static byte[] encode(float[] data, int... shape) {
        new Array(shape, data);
        StringBuilder s = new StringBuilder();
        for (int i = 0; i < shape.length; i++) {
            s.append(shape[i]).append(shape.length == 1 ? "," : i < shape.length - 1 ? ", " : "");
        }
        String dict = "{'descr': '<f4', 'fortran_order': False, 'shape': (" + s + "), }";
        int unpadded = MAGIC.length + 2 + 2 + dict.length() + 1;
        int pad = (64 - unpadded % 64) % 64;
        String header = dict + " ".repeat(pad) + "\n";
        byte[] h = header.getBytes(StandardCharsets.US_ASCII);
        ByteBuffer buf = ByteBuffer.allocate(MAGIC.length + 4 + h.length + 4 * data.length).order(ByteOrder.LITTLE_ENDIAN);
        buf.put(MAGIC).put((byte) 1).put((byte) 0).putShort((short) h.length).put(h);
        for (float v : data) {
            buf.putFloat(v);
        }
        return buf.array();
    }

    /** Writes (replacing) an .npy file through a temporary file; a failure leaves no partial file. */
    public static void write(Path file, float[] data, int... shape) {
        byte[] bytes = encode(data, shape);
        OutputFile.write(file, true, out -> out.write(bytes));
    }

    /** Reads a little-endian float32 or float64 C-order array (float64 is narrowed to float32). */
    public static Array read(Path file) {
        byte[] bytes;
        try {
            bytes = Files.readAllBytes(file);
        } catch (IOException e) {
            throw new DefectLensException(file, "cannot read .npy file: " + e.getMessage(), e);
        }
        return decode(file, bytes);
    }

    /**
     * Decodes the bytes of an .npy file ({@code file} names it in messages). A header that does not fit the bytes
     * (a negative or too large shape, data cut short) ends in a message, never in an out-of-bounds read.
     */
    public static Array decode(Path file, byte[] bytes) {
        ByteBuffer buf = ByteBuffer.wrap(bytes).order(ByteOrder.LITTLE_ENDIAN);
        if (bytes.length < 10 || !Arrays.equals(Arrays.copyOf(bytes, 6), MAGIC)) {
            throw new DefectLensException(file, "not an .npy file (magic string missing)");
        }
        int major = bytes[6];
        long headerLen;
        int offset;
        if (major == 1) {
            headerLen = buf.getShort(8) & 0xFFFF;
            offset = 10;
        } else {
            headerLen = bytes.length < 12 ? -1 : buf.getInt(8) & 0xFFFFFFFFL;
            offset = 12;
        }
        if (headerLen < 0 || offset + headerLen > bytes.length) {
            throw new DefectLensException(file, "not an .npy file (header cut short)");
        }
        String header = new String(bytes, offset, (int) headerLen, StandardCharsets.US_ASCII);
        Matcher d = DESCR.matcher(header);
        Matcher sh = SHAPE.matcher(header);
        if (!d.find() || !sh.find() || header.contains("'fortran_order': True")) {
            throw new DefectLensException(file, "unsupported .npy header " + header.trim());
        }
        String descr = d.group(1);
        int width = descr.equals("<f4") ? 4 : descr.equals("<f8") ? 8 : 0;
        if (width == 0) {
            throw new DefectLensException(file, "unsupported .npy dtype " + descr + " (float32 or float64 expected)");
        }
        int[] shape;
        try {
            shape = Arrays.stream(sh.group(1).split(",")).map(String::trim).filter(t -> !t.isEmpty())
                    .mapToInt(Integer::parseInt).toArray();
        } catch (NumberFormatException e) {
            throw new DefectLensException(file, "unsupported .npy shape (" + sh.group(1) + ")");
        }
        long n = 1;
        for (int v : shape) {
            if (v < 0) {
                throw new DefectLensException(file, "negative .npy shape (" + sh.group(1) + ")");
            }
            n *= v;
            if (n > Integer.MAX_VALUE - 8) {
                throw new DefectLensException(file, ".npy shape (" + sh.group(1) + ") too large");
            }
        }
        long pos = offset + headerLen;
        if (pos + n * width > bytes.length) {
            throw new DefectLensException(file, ".npy data cut short: shape (" + sh.group(1) + ") needs "
                    + n * width + " bytes, the file holds " + (bytes.length - pos));
        }
        float[] data = new float[(int) n];
        int p = (int) pos;
        if (width == 4) {
            buf.position(p);
            buf.slice().order(ByteOrder.LITTLE_ENDIAN).asFloatBuffer().get(data);
        } else {
            for (int i = 0; i < n; i++) {
                data[i] = (float) buf.getDouble(p + 8 * i);
            }
        }
        return new Array(shape, data);
    }
}
