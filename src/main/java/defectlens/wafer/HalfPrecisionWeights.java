package defectlens.wafer;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.index.NDIndex;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Block;
import ai.djl.nn.Parameter;
import ai.djl.util.Pair;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.Arrays;

/**
 * A network's parameters (weights, biases, BatchNorm statistics) stored as IEEE 16-bit floats: half the file
 * of DJL's 32-bit {@code saveParameters}, computing stays 32-bit. Layout: magic {@code DLWF16}, version,
 * parameter count, then per parameter its name, shape and little-endian half-float bytes. Loading checks
 * every name and shape against the network and refuses a mismatch; saving refuses values beyond the
 * half-float range (|x| > 65504), which would turn into infinities.
 */
public final class HalfPrecisionWeights {
    private static final String MAGIC = "DLWF16";
    private static final int VERSION = 1;
    private static final float HALF_MAX = 65504f;

    private HalfPrecisionWeights() {}

    public static void save(Block block, DataOutputStream out) throws IOException {
        var parameters = block.getParameters();
        out.writeUTF(MAGIC);
        out.writeInt(VERSION);
        out.writeInt(parameters.size());
        for (Pair<String, Parameter> e : parameters) {
            NDArray a = e.getValue().getArray();
            float largest;
            try (NDArray abs = a.abs(); NDArray max = abs.max()) {
                largest = max.getFloat();
            }
            if (!(largest <= HALF_MAX)) {
                throw new IOException("parameter " + e.getKey() + " holds " + largest + ", beyond the 16-bit float range");
            }
            out.writeUTF(e.getKey());
            long[] shape = a.getShape().getShape();
            out.writeInt(shape.length);
            for (long d : shape) {
                out.writeLong(d);
            }
            try (NDArray half = a.toType(DataType.FLOAT16, false)) {
                ByteBuffer bytes = half.toByteBuffer().order(ByteOrder.nativeOrder());
                ByteBuffer le = ByteBuffer.allocate(bytes.remaining()).order(ByteOrder.LITTLE_ENDIAN);
                while (bytes.hasRemaining()) {
                    le.putShort(bytes.getShort());
                }
                out.writeInt(le.capacity());
                out.write(le.array());
            }
        }
    }

    /** Overwrites the (initialised) parameters of {@code block} in place with the stored ones. */
    public static void load(Block block, DataInputStream in) throws IOException {
        String magic = in.readUTF();
        int version = in.readInt();
        if (!MAGIC.equals(magic) || version != VERSION) {
            throw new IOException("not a " + MAGIC + " v" + VERSION + " weights file (" + magic + " v" + version + ")");
        }
        var parameters = block.getParameters();
        int count = in.readInt();
        if (count != parameters.size()) {
            throw new IOException("file has " + count + " parameters, the network " + parameters.size());
        }
        for (Pair<String, Parameter> e : parameters) {
            String name = in.readUTF();
            long[] shape = new long[in.readInt()];
            for (int i = 0; i < shape.length; i++) {
                shape[i] = in.readLong();
            }
            NDArray target = e.getValue().getArray();
            if (!name.equals(e.getKey()) || !target.getShape().equals(new Shape(shape))) {
                throw new IOException("stored " + name + " " + Arrays.toString(shape) + " does not fit " + e.getKey() + " "
                        + target.getShape());
            }
            byte[] raw = new byte[in.readInt()];
            in.readFully(raw);
            ByteBuffer le = ByteBuffer.wrap(raw).order(ByteOrder.LITTLE_ENDIAN);
            ByteBuffer nativeOrder = ByteBuffer.allocateDirect(raw.length).order(ByteOrder.nativeOrder());
            while (le.hasRemaining()) {
                nativeOrder.putShort(le.getShort());
            }
            nativeOrder.rewind();
            // in place, so the network keeps its own tensor; through a detached view, because PyTorch refuses an
            // in-place write to a parameter that requires a gradient while a GradientCollector is open anywhere
            try (NDArray half = target.getManager().create(nativeOrder, target.getShape(), DataType.FLOAT16);
                    NDArray full = half.toType(DataType.FLOAT32, false);
                    NDArray storage = target.stopGradient()) {
                storage.set(new NDIndex(":"), full);
            }
        }
    }
}
