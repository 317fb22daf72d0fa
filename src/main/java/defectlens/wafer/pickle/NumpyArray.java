package defectlens.wafer.pickle;

import java.util.List;
import net.razorvine.pickle.PickleException;

/**
 * A numpy {@code ndarray} rebuilt from a pickle: shape, dtype, memory order, and either the raw item
 * bytes (numeric and string dtypes) or the items (object dtype). Made by
 * {@code multiarray._reconstruct} followed by BUILD, or in one step by {@code numeric._frombuffer}.
 * Elements are addressed by their flat index in C (row-major) order whatever the storage order.
 */
public final class NumpyArray implements PickleState {
    private int[] shape = {0};
    private int size;
    private NumpyDtype dtype;
    private boolean fortran;
    private byte[] raw;
    private Object[] objects;

    NumpyArray() {
    }

    /** {@code numpy.core.numeric._frombuffer(buffer, dtype, shape, order)}. */
    static NumpyArray fromBuffer(Object[] args) {
        if (args.length < 4 || !(args[1] instanceof NumpyDtype dtype)) {
            throw new PickleException("_frombuffer expects (buffer, dtype, shape, order)");
        }
        NumpyArray a = new NumpyArray();
        a.dtype = dtype;
        a.shape = toShape(args[2]);
        a.size = sizeOf(a.shape);
        a.fortran = "F".equals(args[3]);
        a.raw = PickleValues.toBytes(args[0]);
        a.checkSize();
        return a;
    }

    /**
     * Takes {@code (version, shape, dtype, is_fortran, data)} or the older 4-tuple without version.
     * Text data (Python 2 str) is copied into bytes and dropped from the state tuple, so that the
     * unpickler's memo does not hold every map twice.
     */
    @Override
    public void setState(Object state) {
        Object[] s = PickleValues.toTuple(state);
        int o = s.length == 5 ? 1 : 0;
        if (s.length != 4 && s.length != 5) {
            throw new PickleException("numpy array state has " + s.length + " fields");
        }
        shape = toShape(s[o]);
        size = sizeOf(shape);
        if (!(s[o + 1] instanceof NumpyDtype t)) {
            throw new PickleException("numpy array state without dtype");
        }
        dtype = t;
        fortran = Boolean.TRUE.equals(s[o + 2]) || (s[o + 2] instanceof Number n && n.intValue() != 0);
        Object data = s[o + 3];
        if (dtype.isObject()) {
            objects = PickleValues.toTuple(data instanceof List<?> l ? l.toArray() : data);
            fortran = false;
            if (objects.length != size()) {
                throw new PickleException("object array holds " + objects.length + " items for shape " + shapeText());
            }
        } else {
            raw = PickleValues.toBytes(data);
            checkSize();
        }
        if (data instanceof String && state instanceof Object[] tuple) {
            // A Python 2 str was copied into raw; the memoised state tuple would keep the text as well.
            tuple[o + 3] = null;
        }
    }

    private void checkSize() {
        long need = (long) size() * dtype.itemSize();
        if (dtype.itemSize() > 0 && raw.length != need) {
            throw new PickleException("numpy array has " + raw.length + " bytes, shape " + shapeText()
                    + " of " + dtype + " needs " + need);
        }
    }

    private static int[] toShape(Object o) {
        Object[] t = o instanceof Number ? new Object[] {o} : PickleValues.toTuple(o);
        int[] shape = new int[t.length];
        for (int i = 0; i < t.length; i++) {
            shape[i] = PickleValues.toInteger(t[i]);
            if (shape[i] < 0) {
                throw new PickleException("negative numpy array dimension");
            }
        }
        return shape;
    }

    /** The dimensions, outermost first. */
    public int[] shape() {
        return shape.clone();
    }

    public int ndim() {
        return shape.length;
    }

    public int dim(int axis) {
        return shape[axis];
    }

    public NumpyDtype dtype() {
        return dtype;
    }

    public boolean isFortranOrder() {
        return fortran;
    }

    /** Number of elements (the product of the shape). */
    public int size() {
        return size;
    }

    private static int sizeOf(int[] shape) {
        long n = 1;
        for (int d : shape) {
            n *= d;
            if (n > Integer.MAX_VALUE) {
                StringBuilder dims = new StringBuilder();
                for (int x : shape) {
                    dims.append(dims.length() == 0 ? "" : ", ").append(x);
                }
                throw new PickleException("numpy array of shape (" + dims + ") has more than 2^31 elements");
            }
        }
        return (int) n;
    }

    /** Storage position of the element with C-order flat index {@code flat}. */
    private int storageIndex(int flat) {
        if (!fortran || shape.length < 2) {
            return flat;
        }
        int rest = flat;
        int index = 0;
        int stride = 1;
        int[] coords = new int[shape.length];
        for (int axis = shape.length - 1; axis >= 0; axis--) {
            coords[axis] = rest % shape[axis];
            rest /= shape[axis];
        }
        for (int axis = 0; axis < shape.length; axis++) {
            index += coords[axis] * stride;
            stride *= shape[axis];
        }
        return index;
    }

    /** The element at C-order flat index {@code flat}: String, Long, Double, Boolean, or any object. */
    public Object get(int flat) {
        if (objects != null) {
            return objects[flat];
        }
        return dtype.valueAt(raw, storageIndex(flat) * dtype.itemSize());
    }

    /** The element at C-order flat index {@code flat} as a double (NaN for None in object arrays). */
    public double getDouble(int flat) {
        if (objects != null) {
            return objects[flat] instanceof Number n ? n.doubleValue() : Double.NaN;
        }
        return dtype.doubleAt(raw, storageIndex(flat) * dtype.itemSize());
    }

    /** Told of an element that is not a whole number from 0 to 255; must throw. */
    @FunctionalInterface
    public interface BadElement {
        /** @param flat the element's C-order flat index */
        void at(int flat, double value);
    }

    /**
     * The elements as bytes in C order, for small-integer grids such as wafer maps. An element that is not a
     * whole number from 0 to 255 (a float such as 2.9, NaN, 300, -1) is reported through {@code badValue},
     * which must throw; floats holding whole numbers are taken. One-byte integer arrays hand over their own
     * buffer (a Fortran-order one is first turned into C order in place), so a wafer map costs its bytes once.
     */
    public byte[] toBytesRowMajor(BadElement badValue) {
        int n = size();
        if (objects != null) {
            throw new PickleException("object array where numbers were expected");
        }
        boolean oneByteInts = dtype.itemSize() == 1 && "biu".indexOf(dtype.kind()) >= 0;
        if (oneByteInts && (!fortran || shape.length < 2)) {
            return raw;
        }
        byte[] out = new byte[n];
        if (oneByteInts && shape.length == 2) {
            int rows = shape[0];
            int cols = shape[1];
            for (int c = 0; c < cols; c++) {
                int base = c * rows;
                for (int r = 0; r < rows; r++) {
                    out[r * cols + c] = raw[base + r];
                }
            }
            System.arraycopy(out, 0, raw, 0, n);
            fortran = false;
            return raw;
        }
        boolean floats = dtype.kind() == 'f';
        for (int i = 0; i < n; i++) {
            int off = storageIndex(i) * dtype.itemSize();
            if (floats) {
                double v = dtype.doubleAt(raw, off);
                if (!(v >= 0 && v <= 255 && v == Math.rint(v))) {
                    badValue.at(i, v);
                }
                out[i] = (byte) (int) v;
            } else {
                long v = dtype.longAt(raw, off);
                if (v < 0 || v > 255) {
                    badValue.at(i, v);
                }
                out[i] = (byte) v;
            }
        }
        return out;
    }

    public String shapeText() {
        StringBuilder b = new StringBuilder("(");
        for (int i = 0; i < shape.length; i++) {
            b.append(i == 0 ? "" : ", ").append(shape[i]);
        }
        return b.append(shape.length == 1 ? ",)" : ")").toString();
    }

    @Override
    public String toString() {
        return "ndarray" + shapeText() + " " + dtype;
    }
}
