package defectlens.app.review;

import java.util.AbstractList;
import java.util.RandomAccess;

/** An int array seen as a read-only list, boxing on demand only (a queue of 811,457 rows costs 3 MB). */
public final class IntList extends AbstractList<Integer> implements RandomAccess {
    private final int[] values;

    public IntList(int[] values) {
        this.values = values;
    }

    @Override
    public Integer get(int i) {
        return values[i];
    }

    @Override
    public int size() {
        return values.length;
    }

    @Override
    public Object[] toArray() {
        Object[] o = new Object[values.length];
        for (int i = 0; i < values.length; i++) {
            o[i] = values[i];
        }
        return o;
    }
}
