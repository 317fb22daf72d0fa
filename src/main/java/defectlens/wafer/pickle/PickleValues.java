package defectlens.wafer.pickle;

import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.util.List;
import net.razorvine.pickle.PickleException;

/** Small conversions between the Java values razorvine produces and what the readers need. */
public final class PickleValues {
    private static final int SHOWN_CHARS = 80;

    private PickleValues() {
    }

    /** An int from a pickled Python int (Integer, Long or BigInteger), or null for None. */
    public static Integer toInteger(Object o) {
        if (o == null) {
            return null;
        }
        if (o instanceof Number n && !(o instanceof Double) && !(o instanceof Float)) {
            if (n instanceof BigInteger b && b.bitLength() > 31) {
                throw new PickleException("integer out of range: " + b);
            }
            long v = n.longValue();
            if (v != (int) v) {
                throw new PickleException("integer out of range: " + v);
            }
            return (int) v;
        }
        throw new PickleException("expected an integer, found " + describe(o));
    }

    /** A tuple or list as an array. */
    public static Object[] toTuple(Object o) {
        if (o instanceof Object[] a) {
            return a;
        }
        if (o instanceof List<?> l) {
            return l.toArray();
        }
        throw new PickleException("expected a tuple, found " + describe(o));
    }

    /** Raw bytes from Python 3 bytes/bytearray or a Python 2 str (latin-1, one char per byte). */
    public static byte[] toBytes(Object o) {
        if (o instanceof byte[] b) {
            return b;
        }
        if (o instanceof String s) {
            return s.getBytes(StandardCharsets.ISO_8859_1);
        }
        throw new PickleException("expected bytes, found " + describe(o));
    }

    /** At most the first {@value #SHOWN_CHARS} characters of a text from the file, for error messages. */
    public static String abbreviate(String text) {
        return text.length() <= SHOWN_CHARS ? text : text.substring(0, SHOWN_CHARS) + "... ("
                + text.length() + " characters)";
    }

    /**
     * A short human description of a pickled value for error messages: its type and size or shape,
     * never its contents (a nested or self-referencing list would print without end).
     */
    public static String describe(Object o) {
        if (o == null) {
            return "None";
        }
        if (o instanceof Object[] a) {
            return "tuple of " + a.length;
        }
        if (o instanceof java.util.Collection<?> c) {
            return (o instanceof List ? "list of " : "set of ") + c.size();
        }
        if (o instanceof java.util.Map<?, ?> m) {
            return "dict of " + m.size();
        }
        if (o instanceof byte[] b) {
            return "bytes of " + b.length;
        }
        if (o instanceof String s) {
            return "str of " + s.length();
        }
        if (o instanceof NumpyArray a) {
            return "array of shape " + a.shapeText() + (a.dtype() == null ? "" : " and dtype " + a.dtype());
        }
        return o.getClass().getSimpleName();
    }
}
