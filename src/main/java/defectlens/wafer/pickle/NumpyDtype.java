package defectlens.wafer.pickle;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import net.razorvine.pickle.PickleException;

/**
 * A numpy {@code dtype} as far as wafer pickles need it: the kind ({@code b}ool, {@code i}nt,
 * {@code u}nsigned, {@code f}loat, {@code O}bject, {@code U}nicode, {@code S} bytes), the item size and
 * the byte order. Other kinds (datetimes, complex, structured records) are accepted so that such
 * extra columns do not stop a read; only reading their values fails. Rebuilt from
 * {@code numpy.dtype(descr, align, copy)} plus its BUILD state.
 */
public final class NumpyDtype implements PickleState {
    private final char kind;
    private int itemSize;
    private ByteOrder order = ByteOrder.LITTLE_ENDIAN;
    private boolean structured;

    private NumpyDtype(char kind, int itemSize) {
        this.kind = kind;
        this.itemSize = itemSize;
    }

    /** Parses a descriptor such as {@code u1}, {@code <i8}, {@code f8}, {@code O8}, {@code U8}, {@code ?}. */
    public static NumpyDtype parse(String descr) {
        String d = descr;
        ByteOrder order = ByteOrder.LITTLE_ENDIAN;
        if (!d.isEmpty() && "<>|=".indexOf(d.charAt(0)) >= 0) {
            order = d.charAt(0) == '>' ? ByteOrder.BIG_ENDIAN : ByteOrder.LITTLE_ENDIAN;
            d = d.substring(1);
        }
        if (d.isEmpty()) {
            throw new PickleException("empty numpy dtype");
        }
        char kind = d.charAt(0);
        int size;
        if (kind == '?') {
            kind = 'b';
            size = 1;
        } else {
            int digits = 1;
            while (digits < d.length() && Character.isDigit(d.charAt(digits))) {
                digits++;
            }
            if (digits > 8) {
                throw new PickleException("numpy dtype '" + PickleValues.abbreviate(descr)
                        + "' has an absurd item size");
            }
            size = digits > 1 ? Integer.parseInt(d.substring(1, digits)) : -1;
        }
        boolean readable = kind == 'f' ? size == 4 || size == 8 : size == 1 || size == 2 || size == 4 || size == 8;
        if ("iuf".indexOf(kind) >= 0 && !readable) {
            throw new PickleException("numpy dtype '" + PickleValues.abbreviate(descr) + "' has "
                    + (size < 0 ? "no item size" : "item size " + size)
                    + "; DefectLens reads integers of 1, 2, 4 or 8 bytes and floats of 4 or 8");
        }
        if (kind == 'U' && size > 0) {
            size *= 4;
        }
        if (kind == 'O') {
            size = 8;
        }
        NumpyDtype t = new NumpyDtype(kind, size);
        t.order = order;
        return t;
    }

    /** Takes the numpy dtype state {@code (version, endian, subdescr, names, fields, elsize, alignment, flags...)}. */
    @Override
    public void setState(Object state) {
        Object[] s = PickleValues.toTuple(state);
        if (s.length < 6) {
            throw new PickleException("numpy dtype state too short: " + s.length);
        }
        if (s[1] instanceof String endian && endian.equals(">")) {
            order = ByteOrder.BIG_ENDIAN;
        }
        structured = s[3] != null;
        Integer elsize = PickleValues.toInteger(s[5]);
        if (elsize != null && elsize > 0 && "USV".indexOf(kind) >= 0) {
            itemSize = elsize;
        }
    }

    public char kind() {
        return kind;
    }

    public int itemSize() {
        return itemSize;
    }

    public ByteOrder order() {
        return order;
    }

    public boolean isObject() {
        return kind == 'O';
    }

    /** The item at byte offset {@code off} of {@code raw} as a long (ints, bools, floats truncated). */
    long longAt(byte[] raw, int off) {
        if (structured || "biuf".indexOf(kind) < 0) {
            throw new PickleException("numpy dtype " + this + " has no numeric value");
        }
        if (itemSize == 1) {
            return kind == 'i' ? raw[off] : raw[off] & 0xFF;
        }
        ByteBuffer b = ByteBuffer.wrap(raw, off, itemSize).order(order);
        return switch (kind) {
            case 'f' -> itemSize == 8 ? (long) b.getDouble() : (long) b.getFloat();
            case 'u' -> itemSize == 2 ? b.getShort() & 0xFFFF : itemSize == 4 ? b.getInt() & 0xFFFFFFFFL : b.getLong();
            case 'i', 'b' -> itemSize == 2 ? b.getShort() : itemSize == 4 ? b.getInt() : b.getLong();
            default -> throw new PickleException("not a numeric numpy dtype: " + this);
        };
    }

    /** The item at byte offset {@code off} of {@code raw} as a double. */
    double doubleAt(byte[] raw, int off) {
        if (kind == 'f') {
            ByteBuffer b = ByteBuffer.wrap(raw, off, itemSize).order(order);
            return itemSize == 8 ? b.getDouble() : itemSize == 4 ? b.getFloat() : Double.NaN;
        }
        return longAt(raw, off);
    }

    /** The item at byte offset {@code off} as a Java value: Long, Double, Boolean or String. */
    Object valueAt(byte[] raw, int off) {
        return switch (kind) {
            case 'f' -> doubleAt(raw, off);
            case 'b' -> longAt(raw, off) != 0;
            case 'U' -> text(raw, off, order == ByteOrder.BIG_ENDIAN ? Charset.forName("UTF-32BE")
                    : Charset.forName("UTF-32LE"), 4);
            case 'S' -> text(raw, off, StandardCharsets.ISO_8859_1, 1);
            case 'i', 'u' -> longAt(raw, off);
            default -> throw new PickleException("numpy dtype has no plain value: " + this);
        };
    }

    private String text(byte[] raw, int off, Charset cs, int unit) {
        int len = itemSize;
        while (len >= unit && isZero(raw, off + len - unit, unit)) {
            len -= unit;
        }
        return new String(raw, off, len, cs);
    }

    private static boolean isZero(byte[] raw, int off, int n) {
        for (int i = 0; i < n; i++) {
            if (raw[off + i] != 0) {
                return false;
            }
        }
        return true;
    }

    /** A numpy scalar from {@code numpy.core.multiarray.scalar(dtype, bytes)}. */
    Object scalar(byte[] raw) {
        if (raw.length < itemSize) {
            throw new PickleException("numpy scalar has " + raw.length + " bytes, dtype needs " + itemSize);
        }
        return valueAt(raw, 0);
    }

    @Override
    public String toString() {
        return (order == ByteOrder.BIG_ENDIAN ? ">" : "<") + kind + itemSize;
    }
}
