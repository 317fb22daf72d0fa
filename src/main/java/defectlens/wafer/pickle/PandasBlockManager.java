package defectlens.wafer.pickle;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import net.razorvine.pickle.PickleException;

/**
 * The pandas {@code BlockManager} behind a DataFrame: the axes (column names, row labels) and the
 * blocks. Built by {@code BlockManager(blocks, axes)} (pandas 1.3+) or by BUILD with the older state
 * {@code (axes, block_values, block_items, extra_state)}, with or without the {@code "0.14.1"} entry.
 */
public final class PandasBlockManager implements PickleState {
    private final List<PandasBlock> blocks = new ArrayList<>();
    private PandasIndex columns;
    private PandasIndex rows;

    PandasBlockManager() {
    }

    /** The constructor call of pandas 1.3+: {@code BlockManager(blocks, axes)}. */
    static PandasBlockManager construct(Object[] args) {
        PandasBlockManager m = new PandasBlockManager();
        if (args.length == 0) {
            return m;
        }
        if (args.length < 2) {
            throw new PickleException("BlockManager expects (blocks, axes)");
        }
        for (Object b : PickleValues.toTuple(args[0])) {
            if (!(b instanceof PandasBlock block)) {
                throw new PickleException("BlockManager block is " + PickleValues.describe(b));
            }
            m.blocks.add(block);
        }
        m.setAxes(args[1]);
        return m;
    }

    private void setAxes(Object axes) {
        Object[] a = PickleValues.toTuple(axes);
        if (a.length != 2 || !(a[0] instanceof PandasIndex c) || !(a[1] instanceof PandasIndex r)) {
            throw new PickleException("BlockManager axes are not two pandas indexes");
        }
        columns = c;
        rows = r;
    }

    @Override
    public void setState(Object state) {
        Object[] s = PickleValues.toTuple(state);
        if (s.length == 4 && s[3] instanceof Map<?, ?> extra && extra.get("0.14.1") instanceof Map<?, ?> v) {
            setAxes(v.get("axes"));
            for (Object b : PickleValues.toTuple(v.get("blocks"))) {
                if (!(b instanceof Map<?, ?> bd)) {
                    throw new PickleException("BlockManager block state is " + PickleValues.describe(b));
                }
                blocks.add(new PandasBlock(bd.get("values"), bd.get("mgr_locs")));
            }
            return;
        }
        if (s.length >= 3) {
            setAxes(s[0]);
            Object[] values = PickleValues.toTuple(s[1]);
            Object[] items = PickleValues.toTuple(s[2]);
            if (values.length != items.length) {
                throw new PickleException("BlockManager state has " + values.length + " blocks and "
                        + items.length + " item lists");
            }
            List<String> names = columns.labels();
            Map<String, Integer> position = new HashMap<>();
            for (int i = names.size() - 1; i >= 0; i--) {
                position.put(names.get(i), i);
            }
            for (int b = 0; b < values.length; b++) {
                if (!(items[b] instanceof PandasIndex blockItems)) {
                    throw new PickleException("BlockManager block items are not an index");
                }
                List<String> own = blockItems.labels();
                int[] locs = new int[own.size()];
                for (int i = 0; i < locs.length; i++) {
                    locs[i] = position.getOrDefault(own.get(i), -1);
                }
                blocks.add(new PandasBlock(values[b], toArray(locs)));
            }
            return;
        }
        throw new PickleException("BlockManager state not understood: " + PickleValues.describe(state));
    }

    private static NumpyArray toArray(int[] locs) {
        byte[] raw = new byte[locs.length * 8];
        for (int i = 0; i < locs.length; i++) {
            long v = locs[i];
            for (int k = 0; k < 8; k++) {
                raw[i * 8 + k] = (byte) (v >>> (8 * k));
            }
        }
        return NumpyArray.fromBuffer(new Object[] {raw, NumpyDtype.parse("<i8"), new Object[] {locs.length}, "C"});
    }

    public PandasIndex columns() {
        return columns;
    }

    public PandasIndex rows() {
        return rows;
    }

    public List<PandasBlock> blocks() {
        return blocks;
    }
}
