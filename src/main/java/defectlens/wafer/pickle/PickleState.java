package defectlens.wafer.pickle;

/**
 * An object rebuilt from a pickle that takes its state from the BUILD opcode, as Python's
 * {@code __setstate__} does. The safe unpickler calls only this interface for BUILD; it never looks
 * for methods by reflection.
 */
public interface PickleState {
    /** Receives the pickled state: a tuple as {@code Object[]}, a dict as {@code Map}, or a value. */
    void setState(Object state);
}
