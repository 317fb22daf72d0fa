package defectlens.wafer;

import com.fasterxml.jackson.databind.SequenceWriter;
import com.fasterxml.jackson.dataformat.csv.CsvMapper;
import com.fasterxml.jackson.dataformat.csv.CsvSchema;
import java.io.IOException;
import java.io.Writer;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Per-map predictions as CSV, written batch by batch and flushed after each, so an interrupted run keeps every
 * row it reached: {@code row} (index in the file, 0-based), {@code lot}, {@code wafer_index}, {@code split},
 * {@code label} (empty when unlabelled), {@code predicted}, {@code confidence} and one {@code p_<class>} column
 * per model class. Probabilities with 6 decimals. Closing ends the table but leaves the writer it was given open.
 */
public final class WaferPredictionCsv implements AutoCloseable {
    private final List<String> classes;
    private final List<String> columns;
    private final SequenceWriter out;
    private final Writer sink;

    public WaferPredictionCsv(Writer sink, List<String> classes) throws IOException {
        this.sink = sink;
        this.classes = List.copyOf(classes);
        List<String> cols = new ArrayList<>(List.of("row", "lot", "wafer_index", "split", "label", "predicted", "confidence"));
        classes.forEach(c -> cols.add("p_" + c));
        this.columns = List.copyOf(cols);
        CsvSchema.Builder schema = CsvSchema.builder();
        columns.forEach(schema::addColumn);
        this.out = new CsvMapper().disable(com.fasterxml.jackson.core.JsonGenerator.Feature.AUTO_CLOSE_TARGET)
                .writer(schema.build().withHeader()).writeValues(sink);
    }

    public List<String> columns() {
        return columns;
    }

    /** Appends the rows of one batch ({@code probabilities[i]} for {@code rows.get(i)}) and flushes. */
    public void write(WaferDataset data, List<Integer> rows, float[][] probabilities) throws IOException {
        for (int i = 0; i < rows.size(); i++) {
            int row = rows.get(i);
            WaferMap w = data.get(row);
            float[] p = probabilities[i];
            int best = WaferPredictions.argMax(p);
            Map<String, Object> line = new LinkedHashMap<>();
            line.put("row", row);
            line.put("lot", w.lotName() == null ? "" : w.lotName());
            line.put("wafer_index", Double.isNaN(w.waferIndex()) ? "" : integral(w.waferIndex()));
            line.put("split", w.split().label());
            line.put("label", w.label() == null ? "" : w.label());
            line.put("predicted", classes.get(best));
            line.put("confidence", probability(p[best]));
            for (int c = 0; c < classes.size(); c++) {
                line.put("p_" + classes.get(c), probability(p[c]));
            }
            out.write(line);
        }
        out.flush();
        sink.flush();
    }

    private static String probability(float p) {
        return String.format(Locale.ROOT, "%.6f", p);
    }

    private static String integral(double v) {
        return v == Math.rint(v) && Math.abs(v) < 1e15 ? Long.toString((long) v) : Double.toString(v);
    }

    @Override
    public void close() throws IOException {
        out.close();
        sink.flush();
    }
}
