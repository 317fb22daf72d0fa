package defectlens.review;

import com.fasterxml.jackson.databind.SequenceWriter;
import com.fasterxml.jackson.dataformat.csv.CsvMapper;
import com.fasterxml.jackson.dataformat.csv.CsvSchema;
import defectlens.core.OutputFile;
import defectlens.model.ClassProbability;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The decisions of a review as one CSV for pandas or R: a row per item and reviewer with the reviewer's current
 * decision (undone lines gone, notes folded in), by item number. Columns: {@code item, index, label_before,
 * decision, class_after, reviewer, time, model, top1, p1, top2, p2, top3, p3, note, source}. {@code class_after}
 * is the class the item has after the review: the reviewer's class for accept and relabel, the label before for
 * unsure, skip and a note alone (the {@code decision} column says which). Comma-separated, UTF-8, a header line.
 */
public final class DecisionCsvExport {
    static final List<String> COLUMNS = List.of("item", "index", "label_before", "decision", "class_after",
            "reviewer", "time", "model", "top1", "p1", "top2", "p2", "top3", "p3", "note", "source");

    private DecisionCsvExport() {
    }

    /** Writes the CSV to {@code out} (a new file) and returns the number of rows. */
    public static int write(Path out, PredictionTable items, DecisionLedger ledger) {
        Path file = ExportOutput.requireNewFile(out);
        List<Object[]> rows = new ArrayList<>();
        for (String reviewer : ledger.reviewers()) {
            for (Map.Entry<Integer, ReviewDecision> e : ledger.currentOf(reviewer).entrySet()) {
                rows.add(row(e.getValue(), items));
            }
        }
        rows.sort((a, b) -> a[1].equals(b[1]) ? ((String) a[5]).compareTo((String) b[5])
                : Integer.compare((Integer) a[1], (Integer) b[1]));
        CsvSchema.Builder schema = CsvSchema.builder().setUseHeader(true);
        COLUMNS.forEach(schema::addColumn);
        CsvMapper mapper = new CsvMapper();
        OutputFile.write(file, false, o -> {
            Writer w = new OutputStreamWriter(o, StandardCharsets.UTF_8);
            try (SequenceWriter seq = mapper.writer(schema.build()).writeValues(w)) {
                for (Object[] row : rows) {
                    seq.write(row);
                }
            }
        });
        return rows.size();
    }

    private static Object[] row(ReviewDecision d, PredictionTable items) {
        String before = d.labelBefore() != null ? d.labelBefore() : items.labelName(d.index());
        String after = d.action().setsClass() ? d.classAfter() : before;
        Object[] row = {d.item(), d.index(), text(before), d.action().json(), text(after), d.reviewer(),
            text(d.time()), text(d.model()), "", "", "", "", "", "", text(d.note()), text(d.source())};
        List<ClassProbability> top = d.top();
        for (int k = 0; k < Math.min(3, top.size()); k++) {
            row[8 + 2 * k] = top.get(k).label();
            row[9 + 2 * k] = top.get(k).probability();
        }
        return row;
    }

    private static String text(String s) {
        return s == null ? "" : s;
    }
}
