package defectlens.wafer.pickle;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayDeque;
import java.util.Collection;
import java.util.Deque;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import net.razorvine.pickle.IObjectConstructor;
import net.razorvine.pickle.Opcodes;
import net.razorvine.pickle.PickleException;
import net.razorvine.pickle.PickleUtils;
import net.razorvine.pickle.Unpickler;

/**
 * A razorvine {@link Unpickler} that can build nothing but the data objects of {@link AllowedGlobals}
 * and whose cost is bounded by the size of its input. It takes over every opcode that names or calls
 * Python code: GLOBAL, STACK_GLOBAL and INST resolve only allow-listed names (razorvine's registry and
 * its ClassDict fallback are never consulted), BUILD calls only {@link PickleState}, persistent ids are
 * refused. It also takes over every opcode whose cost an attacker controls: declared lengths (BINBYTES,
 * BINUNICODE, BYTEARRAY8, LONG4, FRAME...) are checked against {@link PickleLimits} before allocating,
 * text lines are read up to the same bound, decimal longs are limited to {@value #MAX_DIGITS} digits (as
 * Python does), dict keys and set members must be hashable as in Python (no list, dict or set, whose Java
 * hash would recurse through a nested or self-referencing value), and POP_MARK does not trim the stack
 * (razorvine's trim made MARK/POP_MARK pairs quadratic). Objects repeated by memo reference stay shared,
 * never copied. A malformed stream (an opcode finding too few values on the stack) ends in a
 * {@link PickleException} naming the opcode, never an index error. APPENDS grows lists without
 * razorvine's trim after every batch and Python 2 str opcodes decode as latin-1 in one step. Protocols 0 to
 * 5; out-of-band buffers come from the list given to the constructor. Every {@value #CHECK_EVERY} opcodes it
 * runs the checkpoint, which may report progress or throw to cancel.
 */
public final class SafeUnpickler extends Unpickler {
    static final int CHECK_EVERY = 1 << 14;
    /** Python's own limit on the digits of an int read from text. */
    static final int MAX_DIGITS = 4300;
    /** Declared lengths above this are read in pieces, so a length the data does not back allocates little. */
    private static final int PIECE = 1 << 20;
    private final Runnable checkpoint;
    private final Deque<byte[]> buffers;
    private final PickleLimits limits;
    private int opcodes;

    /** An unpickler without out-of-band buffers whose checkpoint runs every few thousand opcodes. */
    public SafeUnpickler(Runnable checkpoint) {
        this(checkpoint, List.of());
    }

    /** An unpickler that serves NEXT_BUFFER from {@code outOfBandBuffers} in order; the arrays are taken over. */
    public SafeUnpickler(Runnable checkpoint, List<byte[]> outOfBandBuffers) {
        this(checkpoint, outOfBandBuffers, PickleLimits.heapOnly());
    }

    /** An unpickler whose declared sizes are checked against {@code limits}. */
    public SafeUnpickler(Runnable checkpoint, List<byte[]> outOfBandBuffers, PickleLimits limits) {
        this.checkpoint = checkpoint;
        this.buffers = new ArrayDeque<>(outOfBandBuffers);
        this.limits = limits;
        this.memo = new MemoTable();
    }

    @Override
    protected Object dispatch(short key) throws IOException {
        if (++opcodes % CHECK_EVERY == 0) {
            checkpoint.run();
        }
        try {
            return safeDispatch(key);
        } catch (IndexOutOfBoundsException | ClassCastException | NullPointerException e) {
            throw new PickleException("malformed pickle: opcode " + opcodeName(key) + " (number " + opcodes
                    + ") does not find the values it needs on the stack");
        }
    }

    private Object safeDispatch(short key) throws IOException {
        switch (key) {
            case Opcodes.GLOBAL -> {
                String module = line("global name");
                String name = line("global name");
                stack.add(AllowedGlobals.resolve(module, name));
            }
            case Opcodes.STACK_GLOBAL -> {
                Object name = stack.pop();
                Object module = stack.pop();
                if (!(module instanceof String m) || !(name instanceof String n)) {
                    throw new PickleException("STACK_GLOBAL with a non-string name");
                }
                stack.add(AllowedGlobals.resolve(m, n));
            }
            case Opcodes.INST -> {
                String module = line("global name");
                String name = line("global name");
                IObjectConstructor c = AllowedGlobals.resolve(module, name);
                stack.add(c.construct(stack.pop_all_since_marker().toArray()));
            }
            case Opcodes.BUILD -> {
                Object state = stack.pop();
                Object target = stack.peek();
                if (!(target instanceof PickleState p)) {
                    throw new PickleException("pickle sets the state of " + PickleValues.describe(target));
                }
                p.setState(state);
            }
            case Opcodes.APPENDS -> {
                List<Object> items = stack.pop_all_since_marker();
                if (!(stack.peek() instanceof List<?> list)) {
                    throw new PickleException("APPENDS to " + PickleValues.describe(stack.peek()));
                }
                @SuppressWarnings("unchecked")
                List<Object> target = (List<Object>) list;
                target.addAll(items);
            }
            case Opcodes.POP_MARK -> stack.pop_all_since_marker();
            case Opcodes.BINSTRING -> stack.add(latin1(bytes(int4(), "string")));
            case Opcodes.SHORT_BINSTRING -> stack.add(latin1(bytes(PickleUtils.readbyte(input), "string")));
            case Opcodes.BINUNICODE -> stack.add(utf8(bytes(uint4(), "string")));
            case Opcodes.BINUNICODE8 -> stack.add(utf8(bytes(long8(), "string")));
            case Opcodes.BINBYTES -> stack.add(bytes(uint4(), "bytes object"));
            case Opcodes.BINBYTES8, Opcodes.BYTEARRAY8 -> stack.add(bytes(long8(), "bytes object"));
            case Opcodes.LONG4 -> stack.add(PickleUtils.decode_long(bytes(int4(), "long int")));
            case Opcodes.FRAME -> {
                long frame = long8();
                checkDeclared(frame, "frame");
            }
            case Opcodes.LONG -> {
                String digits = line("long");
                if (digits.length() > MAX_DIGITS + 2) {
                    throw new PickleException("a decimal int of " + digits.length() + " digits; at most "
                            + MAX_DIGITS + " are read");
                }
                pushLine(key, digits);
            }
            case Opcodes.INT, Opcodes.FLOAT, Opcodes.STRING, Opcodes.UNICODE, Opcodes.GET, Opcodes.PUT ->
                    pushLine(key, line("text"));
            case Opcodes.DICT -> {
                List<Object> items = stack.pop_all_since_marker();
                Map<Object, Object> dict = new HashMap<>(items.size());
                for (int i = 0; i + 1 < items.size(); i += 2) {
                    dict.put(hashable(items.get(i)), items.get(i + 1));
                }
                stack.add(dict);
            }
            case Opcodes.SETITEM -> {
                Object value = stack.pop();
                Object k = hashable(stack.pop());
                dictOnTop().put(k, value);
            }
            case Opcodes.SETITEMS -> {
                List<Object> items = stack.pop_all_since_marker();
                Map<Object, Object> dict = dictOnTop();
                for (int i = 0; i + 1 < items.size(); i += 2) {
                    dict.put(hashable(items.get(i)), items.get(i + 1));
                }
            }
            case Opcodes.FROZENSET -> stack.add(members(new HashSet<>(), stack.pop_all_since_marker()));
            case Opcodes.ADDITEMS -> {
                List<Object> items = stack.pop_all_since_marker();
                if (!(stack.peek() instanceof Set<?> set)) {
                    throw new PickleException("ADDITEMS to " + PickleValues.describe(stack.peek()));
                }
                @SuppressWarnings("unchecked")
                Set<Object> target = (Set<Object>) set;
                members(target, items);
            }
            case Opcodes.PERSID, Opcodes.BINPERSID -> throw new PickleException("pickle uses persistent ids");
            default -> {
                return super.dispatch(key);
            }
        }
        return NO_RETURN_VALUE;
    }

    /** Runs a text-line opcode through razorvine on the line already read (bounded). */
    private void pushLine(short key, String text) throws IOException {
        InputStream saved = input;
        byte[] line = (text + "\n").getBytes(StandardCharsets.ISO_8859_1);
        input = new java.io.ByteArrayInputStream(line);
        try {
            super.dispatch(key);
        } finally {
            input = saved;
        }
    }

    @SuppressWarnings("unchecked")
    private Map<Object, Object> dictOnTop() {
        if (!(stack.peek() instanceof Map<?, ?> map)) {
            throw new PickleException("SETITEM on " + PickleValues.describe(stack.peek()));
        }
        return (Map<Object, Object>) map;
    }

    private static Set<Object> members(Set<Object> set, List<Object> items) {
        for (Object o : items) {
            set.add(hashable(o));
        }
        return set;
    }

    /** Python refuses lists, dicts and sets as keys; so does this reader, before Java hashes them. */
    private static Object hashable(Object key) {
        if (key instanceof Collection<?> || key instanceof Map<?, ?>) {
            throw new PickleException("a " + PickleValues.describe(key) + " used as a dict key or set member "
                    + "(unhashable in Python)");
        }
        return key;
    }

    private int int4() throws IOException {
        return PickleUtils.bytes_to_integer(PickleUtils.readbytes(input, 4));
    }

    private long uint4() throws IOException {
        return PickleUtils.bytes_to_uint(PickleUtils.readbytes(input, 4), 0);
    }

    private long long8() throws IOException {
        return PickleUtils.bytes_to_long(PickleUtils.readbytes(input, 8), 0);
    }

    private void checkDeclared(long n, String what) {
        long left = limits.remaining().getAsLong();
        if (n < 0) {
            throw new PickleException("a " + what + " of negative length " + n + " is declared");
        }
        if (n > left) {
            throw new PickleException(limits.exact()
                    ? "the file ends early: a " + what + " of " + n + " bytes is declared but only " + left
                            + " bytes remain (a truncated file, or a false length)"
                    : "a " + what + " of " + n + " bytes is declared where the decompression budget leaves only "
                            + left + " bytes; real wafer pickles expand about 12 times, so this looks like a "
                            + "decompression bomb");
        }
        if (n > limits.largestObject()) {
            throw new PickleException("a " + what + " of " + n + " bytes is declared; the largest object read is "
                    + limits.largestObject() + " bytes (a quarter of the Java heap)");
        }
    }

    /**
     * Reads a declared number of bytes, checked first. When the bytes to come are not known exactly (a compressed
     * file), long objects are read in pieces, so a length the data does not back allocates little.
     */
    private byte[] bytes(long n, String what) throws IOException {
        checkDeclared(n, what);
        int len = (int) n;
        if (len <= PIECE || limits.exact()) {
            return PickleUtils.readbytes(input, len);
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream(PIECE);
        byte[] piece = new byte[PIECE];
        int left = len;
        while (left > 0) {
            int want = Math.min(PIECE, left);
            PickleUtils.readbytes_into(input, piece, 0, want);
            out.write(piece, 0, want);
            left -= want;
        }
        return out.toByteArray();
    }

    /** One text line without its newline, at most as long as a declared object may be. */
    private String line(String what) throws IOException {
        long bound = Math.min(limits.remaining().getAsLong(), limits.largestObject() / 4);
        StringBuilder b = new StringBuilder();
        while (true) {
            int c = input.read();
            if (c == -1) {
                throw new IOException("premature end of file");
            }
            if (c == '\n') {
                return b.toString();
            }
            if (b.length() >= bound) {
                throw new PickleException("a " + what + " line longer than " + bound + " characters");
            }
            b.append((char) c);
        }
    }

    private static String latin1(byte[] b) {
        return new String(b, StandardCharsets.ISO_8859_1);
    }

    private static String utf8(byte[] b) {
        return new String(b, StandardCharsets.UTF_8);
    }

    private static String opcodeName(short key) {
        return key >= 0x20 && key < 0x7f ? "'" + (char) key + "'" : String.format("0x%02x", key);
    }

    @Override
    protected Object next_buffer() {
        if (buffers.isEmpty()) {
            throw new PickleException("pickle refers to an out-of-band buffer that was not supplied");
        }
        return buffers.removeFirst();
    }
}
