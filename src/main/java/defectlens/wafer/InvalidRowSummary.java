package defectlens.wafer;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.StringJoiner;

/**
 * How the CLI and the window report the rows of a wafer file that were left out as invalid: one line of
 * text (count, the first {@value #ROWS_IN_TEXT} row numbers, the first problem) and a JSON object (count,
 * the first {@value WaferDataset#LISTED_INVALID_ROWS} rows with their problems), so a file of a million bad rows
 * reports in bounded space.
 */
public final class InvalidRowSummary {
    static final int ROWS_IN_TEXT = 20;

    private InvalidRowSummary() {
    }

    /** E.g. "left out 2 invalid rows of a.pkl (rows 1, 3); row 1: waferMap is empty (0 x 0)"; null when none. */
    public static String text(WaferDataset data) {
        List<InvalidWaferRow> rows = data.invalidRows();
        if (rows.isEmpty()) {
            return null;
        }
        StringJoiner numbers = new StringJoiner(", ");
        for (int i = 0; i < Math.min(ROWS_IN_TEXT, rows.size()); i++) {
            numbers.add(Integer.toString(rows.get(i).row()));
        }
        int count = data.invalidCount();
        String more = count > ROWS_IN_TEXT ? ", ..." : "";
        InvalidWaferRow first = rows.get(0);
        return "left out " + count + " invalid row" + (count == 1 ? "" : "s") + " of "
                + data.source().getFileName() + " (row" + (count == 1 ? " " : "s ") + numbers + more
                + "); row " + first.row() + ": " + first.problem();
    }

    /** {@code {"count": n, "rows": [...], "listed": k, "problems": [{"row", "problem"}...]}}, k at most 1000. */
    public static Map<String, Object> json(WaferDataset data) {
        List<InvalidWaferRow> rows = data.invalidRows();
        List<Integer> numbers = new ArrayList<>();
        List<Map<String, Object>> problems = new ArrayList<>();
        for (int i = 0; i < rows.size(); i++) {
            numbers.add(rows.get(i).row());
            Map<String, Object> p = new LinkedHashMap<>();
            p.put("row", rows.get(i).row());
            p.put("problem", rows.get(i).problem());
            problems.add(p);
        }
        Map<String, Object> doc = new LinkedHashMap<>();
        doc.put("count", data.invalidCount());
        doc.put("rows", numbers);
        doc.put("listed", numbers.size());
        doc.put("problems", problems);
        return doc;
    }
}
