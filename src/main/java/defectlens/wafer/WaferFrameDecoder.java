package defectlens.wafer;

import defectlens.core.DefectLensException;
import defectlens.wafer.pickle.FrameColumn;
import defectlens.wafer.pickle.NumpyArray;
import defectlens.wafer.pickle.PandasFrame;
import defectlens.wafer.pickle.PickleValues;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Turns the DataFrame of a WM-811K pickle into {@link WaferMap}s. Labels may be (1,1) string arrays
 * (Kaggle), plain strings (MIR), or empty arrays, None, NaN or {@code 0} for unlabelled wafers; the
 * split column may be missing. Label, split and lot strings are shared between maps.
 *
 * <p>Every map is checked: a 2-D array, each side from 1 to {@value #MAX_SIDE} dies, every value 0, 1 or 2
 * (float maps holding exactly 0.0, 1.0 and 2.0 are taken; 2.9, 1.5, NaN, 3 or -1 are not), and not the very
 * array object of an earlier row (a pickle can repeat one object by memo reference any number of times; a
 * real file stores each map once). A row that breaks a rule stops the read with an error naming the file,
 * the row and the rule, or with {@link InvalidRows#SKIP} is left out and reported. Cells are unwrapped to at
 * most {@value #MAX_NESTING} levels, so a deeply nested or self-referencing cell is an error, not a
 * stack overflow; and no cell is ever printed, only described by type and shape.
 */
final class WaferFrameDecoder {
    /** The longest side of a map taken; WM-811K's largest is 300 x 202. */
    static final int MAX_SIDE = 4096;
    /** How deep label cells are unwrapped (a Kaggle label is an array in an array). */
    static final int MAX_NESTING = 8;
    private final Path file;
    private final InvalidRows policy;
    private final Map<String, String> strings = new HashMap<>();
    private final Map<Object, Integer> seen = new IdentityHashMap<>();
    private final List<InvalidWaferRow> invalid = new ArrayList<>();
    private int invalidCount;

    WaferFrameDecoder(Path file, InvalidRows policy) {
        this.file = file;
        this.policy = policy;
    }

    WaferDataset decode(PandasFrame frame, Runnable checkpoint) {
        Map<String, FrameColumn> columns = frame.columns();
        WaferLayout layout = WaferLayout.detect(columns.keySet());
        if (layout == null) {
            List<String> names = frame.columnNames();
            throw new DefectLensException(file, "no " + WaferLayout.MAP + " column; the columns are "
                    + (names.size() <= 20 ? names : names.subList(0, 20) + " and " + (names.size() - 20) + " more"));
        }
        Columns c = new Columns(columns.get(WaferLayout.MAP), columns.get(WaferLayout.FAILURE_TYPE),
                columns.get(layout.splitColumn()), columns.get(WaferLayout.DIE_SIZE),
                columns.get(WaferLayout.LOT_NAME), columns.get(WaferLayout.WAFER_INDEX));
        int n = frame.rowCount();
        List<WaferMap> out = new ArrayList<>(Math.min(n, 1 << 20));
        for (int row = 0; row < n; row++) {
            if ((row & 0x3FFF) == 0) {
                checkpoint.run();
            }
            try {
                out.add(decodeRow(row, c));
            } catch (InvalidRow e) {
                if (policy == InvalidRows.FAIL) {
                    throw new DefectLensException(file, "row " + row + ": " + e.getMessage());
                }
                if (invalid.size() < WaferDataset.LISTED_INVALID_ROWS) {
                    invalid.add(new InvalidWaferRow(row, e.getMessage()));
                }
                invalidCount++;
            }
        }
        return new WaferDataset(file, layout, out, invalid, invalidCount);
    }

    private record Columns(FrameColumn maps, FrameColumn labels, FrameColumn splits, FrameColumn dieSizes,
            FrameColumn lots, FrameColumn indexes) {
    }

    private WaferMap decodeRow(int row, Columns c) {
        Object cell = c.maps().get(row);
        if (!(cell instanceof NumpyArray grid)) {
            throw new InvalidRow("waferMap is " + PickleValues.describe(cell) + ", not a 2-D array");
        }
        if (grid.ndim() != 2) {
            throw new InvalidRow("waferMap is an array of shape " + grid.shapeText() + ", not a 2-D array");
        }
        int rows = grid.dim(0);
        int cols = grid.dim(1);
        if (rows == 0 || cols == 0) {
            throw new InvalidRow("waferMap is empty (" + rows + " x " + cols + ")");
        }
        if (rows > MAX_SIDE || cols > MAX_SIDE) {
            throw new InvalidRow("waferMap of " + rows + " x " + cols + " dies; each side must be at most "
                    + MAX_SIDE);
        }
        Integer first = seen.putIfAbsent(grid, row);
        if (first != null) {
            throw new InvalidRow("waferMap is the same array object as row " + first
                    + " (repeated by reference); a wafer file stores each map once");
        }
        boolean floats = grid.dtype() != null && grid.dtype().kind() == 'f';
        byte[] dies;
        try {
            dies = grid.toBytesRowMajor((flat, v) -> {
                throw badDie(flat, cols, floats ? String.valueOf(v) : String.valueOf((long) v));
            });
        } catch (net.razorvine.pickle.PickleException e) {
            throw new InvalidRow("waferMap of dtype " + grid.dtype() + ": " + e.getMessage());
        }
        boolean unsigned = grid.dtype() != null && grid.dtype().kind() == 'u';
        for (int i = 0; i < dies.length; i++) {
            if (dies[i] < WaferMap.NO_DIE || dies[i] > WaferMap.FAIL) {
                int v = unsigned ? dies[i] & 0xFF : dies[i];
                throw badDie(i, cols, floats ? v + ".0" : Integer.toString(v));
            }
        }
        String label = c.labels() == null ? null : text(c.labels().get(row), "failureType");
        WaferSplit split = c.splits() == null ? WaferSplit.NONE
                : WaferSplit.fromLabel(text(c.splits().get(row), "the split"));
        double dieSize = c.dieSizes() == null ? Double.NaN : c.dieSizes().getDouble(row);
        String lot = c.lots() == null ? null : text(c.lots().get(row), "lotName");
        double index = c.indexes() == null ? Double.NaN : c.indexes().getDouble(row);
        try {
            return new WaferMap(dies, rows, cols, label, split, dieSize, lot, index);
        } catch (IllegalArgumentException e) {
            throw new InvalidRow(e.getMessage());
        }
    }

    private static InvalidRow badDie(int flat, int cols, String value) {
        return new InvalidRow(String.format(Locale.ROOT, "waferMap value %s at (%d, %d) is not 0, 1 or 2",
                value, flat / cols, flat % cols));
    }

    /** The text of a label cell, or null for the encodings of "no label". */
    private String text(Object cell, String column) {
        Object v = cell;
        for (int depth = 0; v instanceof NumpyArray || v instanceof List<?>; depth++) {
            if (depth == MAX_NESTING) {
                throw new InvalidRow(column + " cell is nested more than " + MAX_NESTING + " levels deep");
            }
            if (v instanceof NumpyArray a) {
                if (a.size() == 0) {
                    return null;
                }
                v = a.get(0);
            } else {
                List<?> l = (List<?>) v;
                if (l.isEmpty()) {
                    return null;
                }
                v = l.get(0);
            }
        }
        String s;
        if (v == null) {
            return null;
        } else if (v instanceof String str) {
            s = str.strip();
        } else if (v instanceof byte[] b) {
            s = new String(b, StandardCharsets.ISO_8859_1).strip();
        } else if (v instanceof Number num) {
            double d = num.doubleValue();
            if (d == 0 || Double.isNaN(d)) {
                return null;
            }
            s = num.toString();
        } else if (v instanceof Boolean) {
            s = v.toString();
        } else {
            throw new InvalidRow(column + " cell is " + PickleValues.describe(v) + ", not text");
        }
        if (s.isEmpty() || s.equals("0")) {
            return null;
        }
        return strings.computeIfAbsent(s, k -> k);
    }

    /** A row breaks a rule; carries the rule, without a stack trace (thousands may be skipped). */
    private static final class InvalidRow extends RuntimeException {
        private static final long serialVersionUID = 1L;

        InvalidRow(String problem) {
            super(problem, null, false, false);
        }
    }
}
