package defectlens.wafer;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads the golden fixtures of {@code src/test/resources/wafer-radon/} (made by {@code make_radon_golden.py}
 * from real WM-811K maps): NumPy {@code .npy} files of {@code uint8} or little-endian {@code float32}.
 */
final class RadonFixtures {
    /** The LSWMD_sample.pkl rows the fixtures were made from. */
    static final int[] MAPS = {0, 13, 22};

    private static final Pattern DESCR = Pattern.compile("'descr':\\s*'([^']+)'");
    private static final Pattern SHAPE = Pattern.compile("'shape':\\s*\\(([^)]*)\\)");
    private static final Pattern ORDER = Pattern.compile("'fortran_order':\\s*(True|False)");

    private RadonFixtures() {
    }

    /** A loaded array: its shape and values as floats (row-major). */
    record Array(int[] shape, float[] values, byte[] bytes) {
        int rows() {
            return shape[0];
        }

        int cols() {
            return shape.length > 1 ? shape[1] : 1;
        }
    }

    static Array load(String name) {
        try (InputStream in = RadonFixtures.class.getResourceAsStream("/wafer-radon/" + name)) {
            if (in == null) {
                throw new IllegalStateException("missing fixture " + name);
            }
            return parse(in.readAllBytes(), name);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The raw grid of map i. */
    static Array raw(int i) {
        return load("map" + i + "_raw.npy");
    }

    /** scikit-image's nearest-neighbour resize of map i to side x side. */
    static Array resized(int i, int side) {
        return load("map" + i + "_s" + side + ".npy");
    }

    /** The failed-die mask of map i resized to side x side (the radon input of the fixtures). */
    static float[] mask(int i, int side) {
        Array a = resized(i, side);
        return WaferPreprocessing.failedDieMask(a.bytes(), side, side);
    }

    /** scikit-image's sinogram, shape (detector, angles). */
    static Array radon(int i, int side, int angles) {
        return load("map" + i + "_s" + side + "_a" + angles + "_radon.npy");
    }

    static Array iradon(int i, int side) {
        return load("map" + i + "_s" + side + "_iradon.npy");
    }

    private static Array parse(byte[] file, String name) {
        if (file.length < 10 || file[0] != (byte) 0x93 || file[1] != 'N') {
            throw new IllegalStateException(name + " is not a .npy file");
        }
        int major = file[6];
        int headerLen;
        int offset;
        ByteBuffer bb = ByteBuffer.wrap(file).order(ByteOrder.LITTLE_ENDIAN);
        if (major == 1) {
            headerLen = bb.getShort(8) & 0xffff;
            offset = 10;
        } else {
            headerLen = bb.getInt(8);
            offset = 12;
        }
        String header = new String(file, offset, headerLen, StandardCharsets.US_ASCII);
        int data = offset + headerLen;
        Matcher d = DESCR.matcher(header);
        Matcher s = SHAPE.matcher(header);
        Matcher o = ORDER.matcher(header);
        if (!d.find() || !s.find() || !o.find() || o.group(1).equals("True")) {
            throw new IllegalStateException(name + ": unsupported header " + header);
        }
        String[] dims = s.group(1).split(",");
        int count = 0;
        int[] shape = new int[(int) java.util.Arrays.stream(dims).filter(x -> !x.isBlank()).count()];
        int total = 1;
        for (String dim : dims) {
            if (!dim.isBlank()) {
                shape[count] = Integer.parseInt(dim.trim());
                total *= shape[count++];
            }
        }
        float[] values = new float[total];
        byte[] bytes = null;
        switch (d.group(1)) {
            case "|u1" -> {
                bytes = java.util.Arrays.copyOfRange(file, data, data + total);
                for (int k = 0; k < total; k++) {
                    values[k] = bytes[k] & 0xff;
                }
            }
            case "<f4" -> {
                for (int k = 0; k < total; k++) {
                    values[k] = bb.getFloat(data + 4 * k);
                }
            }
            default -> throw new IllegalStateException(name + ": unsupported dtype " + d.group(1));
        }
        return new Array(shape, values, bytes);
    }
}
