package defectlens.wafer.pickle;

/**
 * Python's {@code builtins.slice} as pandas uses it for block placements; a null field means
 * "not given" as in Python.
 */
public record PySlice(Integer start, Integer stop, Integer step) {
    /** Builds a slice from the pickled constructor arguments {@code (start, stop[, step])}. */
    static PySlice of(Object[] args) {
        if (args.length == 1) {
            return new PySlice(null, PickleValues.toInteger(args[0]), null);
        }
        return new PySlice(PickleValues.toInteger(args[0]), PickleValues.toInteger(args[1]),
                args.length > 2 ? PickleValues.toInteger(args[2]) : null);
    }

    /** The positions this slice selects in a sequence of {@code length} items (non-negative steps). */
    public int[] positions(int length) {
        int s = step == null ? 1 : step;
        if (s <= 0) {
            throw new IllegalArgumentException("slice step must be positive: " + s);
        }
        int from = clamp(start == null ? 0 : start, length);
        int to = clamp(stop == null ? length : stop, length);
        int n = Math.max(0, (to - from + s - 1) / s);
        int[] out = new int[n];
        for (int i = 0; i < n; i++) {
            out[i] = from + i * s;
        }
        return out;
    }

    private static int clamp(int index, int length) {
        int i = index < 0 ? index + length : index;
        return Math.max(0, Math.min(length, i));
    }
}
