package defectlens.wafer.pickle;

import java.util.AbstractMap;
import java.util.Arrays;
import java.util.Set;
import net.razorvine.pickle.PickleException;

/**
 * The unpickler's memo as a growing array instead of a hash map of boxed keys: a full-size wafer
 * pickle memoises tens of millions of objects. Large byte buffers (the raw data of numpy arrays,
 * which Python never refers back to) are not retained, so each map's bytes are held once, by its
 * array; a pickle that does refer back to one gets a clear error instead of wrong data.
 */
final class MemoTable extends AbstractMap<Integer, Object> {
    /** Byte buffers at least this long are not kept in the memo. */
    static final int RETAIN_LIMIT = 256;
    /** Python numbers memo entries in order; a key far beyond the count is a corrupt or hostile file. */
    private static final int MAX_GAP = 1 << 20;
    private static final Object RELEASED = new Object();
    private static final Object ABSENT = null;

    private Object[] slots = new Object[1024];
    private boolean[] used = new boolean[1024];
    private int count;

    @Override
    public Object put(Integer key, Object value) {
        int k = key;
        if (k < 0 || k > count + MAX_GAP) {
            throw new PickleException("memo key " + k + " out of range");
        }
        if (k >= slots.length) {
            int n = Math.max(k + 1, slots.length * 2);
            slots = Arrays.copyOf(slots, n);
            used = Arrays.copyOf(used, n);
        }
        if (!used[k]) {
            used[k] = true;
            count++;
        }
        boolean large = (value instanceof byte[] b && b.length >= RETAIN_LIMIT)
                || (value instanceof String s && s.length() >= RETAIN_LIMIT);
        slots[k] = large ? RELEASED : value;
        return ABSENT;
    }

    @Override
    public Object get(Object key) {
        int k = (Integer) key;
        if (k < 0 || k >= slots.length || !used[k]) {
            return null;
        }
        if (slots[k] == RELEASED) {
            throw new PickleException("pickle refers back to a large byte buffer (memo " + k
                    + "); such pickles are not supported");
        }
        return slots[k];
    }

    @Override
    public boolean containsKey(Object key) {
        int k = (Integer) key;
        return k >= 0 && k < slots.length && used[k];
    }

    @Override
    public int size() {
        return count;
    }

    @Override
    public void clear() {
        slots = new Object[16];
        used = new boolean[16];
        count = 0;
    }

    @Override
    public Set<Entry<Integer, Object>> entrySet() {
        throw new UnsupportedOperationException("the memo is not iterable");
    }
}
