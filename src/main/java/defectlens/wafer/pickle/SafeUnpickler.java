package defectlens.wafer.pickle;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import net.razorvine.pickle.IObjectConstructor;
import net.razorvine.pickle.Opcodes;
import net.razorvine.pickle.PickleException;
import net.razorvine.pickle.PickleUtils;
import net.razorvine.pickle.Unpickler;

/**
 * A razorvine {@link Unpickler} that can build nothing but the data objects of {@link AllowedGlobals}.
 * It takes over every opcode that names or calls Python code: GLOBAL, STACK_GLOBAL and INST resolve
 * only allow-listed names (razorvine's registry and its ClassDict fallback are never consulted),
 * BUILD calls only {@link PickleState}, and persistent ids are refused. APPENDS grows lists without
 * razorvine's trim after every batch, which made long object columns quadratic, and Python 2 str
 * opcodes decode as latin-1 in one step rather than char by char. Protocols 0 to 5;
 * out-of-band buffers come from the list given to the constructor. Every {@value #CHECK_EVERY}
 * opcodes it runs the checkpoint, which may report progress or throw to cancel.
 */
public final class SafeUnpickler extends Unpickler {
    static final int CHECK_EVERY = 1 << 14;
    private final Runnable checkpoint;
    private final Deque<byte[]> buffers;
    private int opcodes;

    /** An unpickler without out-of-band buffers whose checkpoint runs every few thousand opcodes. */
    public SafeUnpickler(Runnable checkpoint) {
        this(checkpoint, List.of());
    }

    /** An unpickler that serves NEXT_BUFFER from {@code outOfBandBuffers} in order; the arrays are taken over. */
    public SafeUnpickler(Runnable checkpoint, List<byte[]> outOfBandBuffers) {
        this.checkpoint = checkpoint;
        this.buffers = new ArrayDeque<>(outOfBandBuffers);
        this.memo = new MemoTable();
    }

    @Override
    protected Object dispatch(short key) throws IOException {
        if (++opcodes % CHECK_EVERY == 0) {
            checkpoint.run();
        }
        switch (key) {
            case Opcodes.GLOBAL -> {
                String module = PickleUtils.readline(input);
                String name = PickleUtils.readline(input);
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
                String module = PickleUtils.readline(input);
                String name = PickleUtils.readline(input);
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
            case Opcodes.BINSTRING -> {
                int len = PickleUtils.bytes_to_integer(PickleUtils.readbytes(input, 4));
                stack.add(new String(PickleUtils.readbytes(input, len), StandardCharsets.ISO_8859_1));
            }
            case Opcodes.SHORT_BINSTRING -> {
                int len = PickleUtils.readbyte(input);
                stack.add(new String(PickleUtils.readbytes(input, len), StandardCharsets.ISO_8859_1));
            }
            case Opcodes.PERSID, Opcodes.BINPERSID -> throw new PickleException("pickle uses persistent ids");
            default -> {
                return super.dispatch(key);
            }
        }
        return NO_RETURN_VALUE;
    }

    @Override
    protected Object next_buffer() {
        if (buffers.isEmpty()) {
            throw new PickleException("pickle refers to an out-of-band buffer that was not supplied");
        }
        return buffers.removeFirst();
    }
}
