package defectlens.wafer;

import defectlens.DefectLensException;
import defectlens.wafer.pickle.FrameColumn;
import defectlens.wafer.pickle.NumpyArray;
import defectlens.wafer.pickle.PandasFrame;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Turns the DataFrame of a WM-811K pickle into {@link WaferMap}s. Labels may be (1,1) string arrays
 * (Kaggle), plain strings (MIR), or empty arrays, None, NaN or {@code 0} for unlabelled wafers; the
 * split column may be missing. Label, split and lot strings are shared between maps.
 */
final class WaferFrameDecoder {
    private final Path file;
    private final Map<String, String> strings = new HashMap<>();

    WaferFrameDecoder(Path file) {
        this.file = file;
    }

    WaferDataset decode(PandasFrame frame, Runnable checkpoint) {
        Map<String, FrameColumn> columns = frame.columns();
        WaferLayout layout = WaferLayout.detect(columns.keySet());
        if (layout == null) {
            throw new DefectLensException(file, "no " + WaferLayout.MAP + " column; the columns are "
                    + frame.columnNames());
        }
        FrameColumn maps = columns.get(WaferLayout.MAP);
        FrameColumn labels = columns.get(WaferLayout.FAILURE_TYPE);
        FrameColumn splits = columns.get(layout.splitColumn());
        FrameColumn dieSizes = columns.get(WaferLayout.DIE_SIZE);
        FrameColumn lots = columns.get(WaferLayout.LOT_NAME);
        FrameColumn indexes = columns.get(WaferLayout.WAFER_INDEX);
        int n = frame.rowCount();
        List<WaferMap> out = new ArrayList<>(n);
        for (int row = 0; row < n; row++) {
            if ((row & 0x3FFF) == 0) {
                checkpoint.run();
            }
            out.add(decodeRow(row, maps, labels, splits, dieSizes, lots, indexes));
        }
        return new WaferDataset(file, layout, out);
    }

    private WaferMap decodeRow(int row, FrameColumn maps, FrameColumn labels, FrameColumn splits,
            FrameColumn dieSizes, FrameColumn lots, FrameColumn indexes) {
        Object cell = maps.get(row);
        if (!(cell instanceof NumpyArray grid) || grid.ndim() != 2) {
            throw new DefectLensException(file, "row " + row + ": waferMap is "
                    + (cell instanceof NumpyArray a ? "an array of shape " + a.shapeText() : String.valueOf(cell))
                    + ", not a 2-D array");
        }
        byte[] dies = grid.toBytesRowMajor(v -> {
            throw new DefectLensException(file, "row " + row + ": die value " + v + " is not 0, 1 or 2");
        });
        String label = labels == null ? null : text(labels.get(row));
        WaferSplit split = splits == null ? WaferSplit.NONE : WaferSplit.fromLabel(text(splits.get(row)));
        double dieSize = dieSizes == null ? Double.NaN : dieSizes.getDouble(row);
        String lot = lots == null ? null : text(lots.get(row));
        double index = indexes == null ? Double.NaN : indexes.getDouble(row);
        try {
            return new WaferMap(dies, grid.dim(0), grid.dim(1), label, split, dieSize, lot, index);
        } catch (IllegalArgumentException e) {
            throw new DefectLensException(file, "row " + row + ": " + e.getMessage(), e);
        }
    }

    /** The text of a label cell, or null for the encodings of "no label". */
    private String text(Object cell) {
        Object v = cell;
        while (v instanceof NumpyArray a) {
            if (a.size() == 0) {
                return null;
            }
            v = a.get(0);
        }
        if (v instanceof List<?> l) {
            return l.isEmpty() ? null : text(l.get(0));
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
        } else {
            s = v.toString();
        }
        if (s.isEmpty() || s.equals("0")) {
            return null;
        }
        return strings.computeIfAbsent(s, k -> k);
    }
}
