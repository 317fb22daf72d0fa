package defectlens.wafer;

/**
 * One wafer bin map as WM-811K records it: a grid of {@code rows x cols} dies, each 0 (no die),
 * 1 (pass) or 2 (fail), stored as one byte per die in row-major order, with its failure-pattern
 * label (null when unlabelled), train/test split, die count, lot and index within the lot. Any
 * grid shape is valid (6x3 to 300x205 occur). Immutable; the grid is not copied on construction,
 * so callers hand over an array they no longer change.
 */
public final class WaferMap {
    public static final byte NO_DIE = 0;
    public static final byte PASS = 1;
    public static final byte FAIL = 2;

    private final byte[] dies;
    private final int rows;
    private final int cols;
    private final String label;
    private final WaferSplit split;
    private final double dieSize;
    private final String lotName;
    private final double waferIndex;

    /**
     * @param dies row-major die values, {@code rows * cols} of them, each 0, 1 or 2
     * @param label the failure type, or null for an unlabelled wafer
     * @param dieSize the die count the file records (NaN when absent)
     * @param waferIndex the wafer's index in its lot (NaN when absent)
     */
    public WaferMap(byte[] dies, int rows, int cols, String label, WaferSplit split, double dieSize,
            String lotName, double waferIndex) {
        if (rows < 0 || cols < 0 || (long) rows * cols != dies.length) {
            throw new IllegalArgumentException("grid of " + dies.length + " dies is not " + rows + " x " + cols);
        }
        for (byte d : dies) {
            if (d < NO_DIE || d > FAIL) {
                throw new IllegalArgumentException("die value " + d + " is not 0, 1 or 2");
            }
        }
        this.dies = dies;
        this.rows = rows;
        this.cols = cols;
        this.label = label;
        this.split = split == null ? WaferSplit.NONE : split;
        this.dieSize = dieSize;
        this.lotName = lotName;
        this.waferIndex = waferIndex;
    }

    public int rows() {
        return rows;
    }

    public int cols() {
        return cols;
    }

    /** The die at row {@code r}, column {@code c}: 0 no die, 1 pass, 2 fail. */
    public int die(int r, int c) {
        if (r < 0 || r >= rows || c < 0 || c >= cols) {
            throw new IndexOutOfBoundsException("die (" + r + ", " + c + ") outside " + rows + " x " + cols);
        }
        return dies[r * cols + c];
    }

    /** A copy of the grid, row-major. */
    public byte[] dies() {
        return dies.clone();
    }

    /** Number of dies with value {@code value} (0, 1 or 2). */
    public int count(int value) {
        int n = 0;
        for (byte d : dies) {
            if (d == value) {
                n++;
            }
        }
        return n;
    }

    /** The failure-pattern label as the file spells it, or null when unlabelled. */
    public String label() {
        return label;
    }

    public boolean isLabelled() {
        return label != null;
    }

    public WaferSplit split() {
        return split;
    }

    public double dieSize() {
        return dieSize;
    }

    /** The lot name, or null when the file has none. */
    public String lotName() {
        return lotName;
    }

    public double waferIndex() {
        return waferIndex;
    }

    /** The same wafer with another failure-type label (null for unlabelled); the grid is shared, not copied. */
    public WaferMap withLabel(String newLabel) {
        return new WaferMap(dies, rows, cols, newLabel, split, dieSize, lotName, waferIndex);
    }

    @Override
    public String toString() {
        return "WaferMap[" + rows + "x" + cols + ", " + (label == null ? "unlabelled" : label) + ", "
                + split.label() + ", lot " + lotName + " #" + waferIndex + "]";
    }
}
