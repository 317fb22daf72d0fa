package defectlens.review;

import com.fasterxml.jackson.databind.SequenceWriter;
import com.fasterxml.jackson.dataformat.csv.CsvMapper;
import com.fasterxml.jackson.dataformat.csv.CsvSchema;
import defectlens.core.DefectLensException;
import defectlens.core.OutputFile;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Map;

/**
 * The corrected labels of a wafer review as {@code wafer train --labels} reads them: a row per map that a reviewer
 * accepted or relabelled (the current decision over all reviewers, or one reviewer's), by row. Columns:
 * {@code index} (the row of the wafer file), {@code label_before}, {@code class_after}, {@code reviewer},
 * {@code decision}. Maps marked unsure or skipped are not listed, so they keep their label.
 */
public final class WaferLabelExport {
    private WaferLabelExport() {
    }

    /** Writes the CSV to {@code out} (a new file) and returns the number of rows. */
    public static int write(Path out, ReviewDefinition review, PredictionTable items, DecisionLedger ledger) {
        if (review.kind() != ReviewKind.WAFER) {
            throw new DefectLensException("wafer labels come from wafer reviews; export a SEM review as carinthia, "
                    + "class-folders or csv");
        }
        Path file = ExportOutput.requireNewFile(out);
        CsvSchema schema = CsvSchema.builder().setUseHeader(true).addColumn("index").addColumn("label_before")
                .addColumn("class_after").addColumn("reviewer").addColumn("decision").build();
        int[] rows = {0};
        OutputFile.write(file, false, o -> {
            Writer w = new OutputStreamWriter(o, StandardCharsets.UTF_8);
            try (SequenceWriter seq = new CsvMapper().writer(schema).writeValues(w)) {
                for (Map.Entry<Integer, ReviewDecision> e : ledger.currentByItem().entrySet()) {
                    ReviewDecision d = e.getValue();
                    if (d.action().setsClass()) {
                        String before = items.labelName(e.getKey());
                        seq.write(new Object[] {items.id(e.getKey()), before == null ? "" : before, d.classAfter(),
                            d.reviewer(), d.action().json()});
                        rows[0]++;
                    }
                }
            }
        });
        return rows[0];
    }
}
