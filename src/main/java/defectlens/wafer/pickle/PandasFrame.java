package defectlens.wafer.pickle;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import net.razorvine.pickle.PickleException;

/**
 * A pandas {@code DataFrame} rebuilt from a pickle: column names, row count and a {@link FrameColumn}
 * view per column. Takes the DataFrame state dict of any pandas since 0.15 ({@code _mgr} or the older
 * {@code _data}).
 */
public final class PandasFrame implements PickleState {
    private PandasBlockManager manager;

    PandasFrame() {
    }

    @Override
    public void setState(Object state) {
        if (!(state instanceof Map<?, ?> d)) {
            throw new PickleException("DataFrame state is " + PickleValues.describe(state) + ", not a dict");
        }
        Object m = d.containsKey("_mgr") ? d.get("_mgr") : d.get("_data");
        if (!(m instanceof PandasBlockManager bm)) {
            throw new PickleException("DataFrame without a BlockManager");
        }
        manager = bm;
    }

    private PandasBlockManager manager() {
        if (manager == null) {
            throw new PickleException("DataFrame has no state");
        }
        return manager;
    }

    /** The column names in frame order. */
    public List<String> columnNames() {
        return manager().columns().labels();
    }

    public int rowCount() {
        return manager().rows().size();
    }

    /** The columns by name, in frame order. */
    public Map<String, FrameColumn> columns() {
        List<String> names = columnNames();
        FrameColumn[] byPosition = new FrameColumn[names.size()];
        for (PandasBlock block : manager().blocks()) {
            int[] positions = block.positions();
            if (block.rowCount() != rowCount()) {
                throw new PickleException("pandas block has " + block.rowCount() + " rows, frame has " + rowCount());
            }
            for (int j = 0; j < positions.length; j++) {
                int p = positions[j];
                if (p < 0 || p >= byPosition.length) {
                    throw new PickleException("pandas block places a column at " + p + " of " + byPosition.length);
                }
                byPosition[p] = block.column(j);
            }
        }
        Map<String, FrameColumn> out = new LinkedHashMap<>();
        for (int i = 0; i < names.size(); i++) {
            if (byPosition[i] == null) {
                throw new PickleException("pandas column " + names.get(i) + " is in no block");
            }
            out.putIfAbsent(names.get(i), byPosition[i]);
        }
        return out;
    }
}
