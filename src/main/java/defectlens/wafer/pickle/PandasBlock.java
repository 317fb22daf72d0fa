package defectlens.wafer.pickle;

import net.razorvine.pickle.PickleException;

/**
 * One pandas block: a 2-D numpy array of {@code k} columns by {@code n} rows (or a 1-D extension array
 * such as a Categorical, one column) and the column positions it holds in the frame.
 */
public final class PandasBlock {
    private final Object values;
    private final Object placement;

    PandasBlock(Object blockValues, Object placement) {
        Object values = blockValues instanceof PandasBackedArray b ? b.values() : blockValues;
        if (!(values instanceof NumpyArray) && !(values instanceof PandasCategorical)) {
            throw new PickleException("pandas block holds " + PickleValues.describe(values));
        }
        this.values = values;
        this.placement = placement;
    }

    /** {@code pandas._libs.internals._unpickle_block(values, mgr_locs, ndim)}. */
    static PandasBlock unpickle(Object[] args) {
        if (args.length < 2) {
            throw new PickleException("_unpickle_block expects (values, placement, ndim)");
        }
        return new PandasBlock(args[0], args[1]);
    }

    /** Number of frame columns in this block. */
    int columnCount() {
        if (values instanceof NumpyArray a && a.ndim() == 2) {
            return a.dim(0);
        }
        return 1;
    }

    /** Number of rows. */
    int rowCount() {
        if (values instanceof NumpyArray a) {
            return a.ndim() == 2 ? a.dim(1) : a.size();
        }
        return ((PandasCategorical) values).size();
    }

    /** Column positions in the frame, in the block's column order. */
    int[] positions() {
        int k = columnCount();
        if (placement instanceof PySlice s) {
            int from = s.start() == null ? 0 : s.start();
            int step = s.step() == null ? 1 : s.step();
            int[] p = new int[k];
            for (int i = 0; i < k; i++) {
                p[i] = from + i * step;
            }
            if (s.stop() != null && s.positions(s.stop()).length != k) {
                throw new PickleException("pandas block placement " + s + " does not fit " + k + " columns");
            }
            return p;
        }
        if (placement instanceof NumpyArray a) {
            int[] p = new int[a.size()];
            for (int i = 0; i < p.length; i++) {
                p[i] = (int) a.getDouble(i);
            }
            return check(p, k);
        }
        if (placement instanceof Number n) {
            return check(new int[] {n.intValue()}, k);
        }
        throw new PickleException("pandas block placement not understood: " + PickleValues.describe(placement));
    }

    private static int[] check(int[] p, int k) {
        if (p.length != k) {
            throw new PickleException("pandas block places " + p.length + " columns but holds " + k);
        }
        return p;
    }

    /** The column at block position {@code j}. */
    FrameColumn column(int j) {
        return new FrameColumn(values, j, rowCount());
    }
}
