package defectlens.wafer.pickle;

/**
 * One column of a pickled DataFrame, read through its block without copying: row {@code i} of block
 * column {@code j} is element {@code j * rows + i} of the block's array.
 */
public final class FrameColumn {
    private final Object values;
    private final int offset;
    private final int rows;

    FrameColumn(Object values, int blockColumn, int rows) {
        this.values = values;
        this.offset = blockColumn * rows;
        this.rows = rows;
    }

    public int size() {
        return rows;
    }

    /** The cell as a Java value: a NumpyArray, String, Long, Double, Boolean, or null. */
    public Object get(int row) {
        if (values instanceof NumpyArray a) {
            return a.get(offset + row);
        }
        return ((PandasCategorical) values).get(row);
    }

    /** The cell as a double; NaN when it is not a number. */
    public double getDouble(int row) {
        if (values instanceof NumpyArray a) {
            return a.getDouble(offset + row);
        }
        return get(row) instanceof Number n ? n.doubleValue() : Double.NaN;
    }
}
