package defectlens.dataset;

import com.fasterxml.jackson.databind.SequenceWriter;
import com.fasterxml.jackson.dataformat.csv.CsvGenerator;
import com.fasterxml.jackson.dataformat.csv.CsvMapper;
import com.fasterxml.jackson.dataformat.csv.CsvSchema;
import defectlens.core.OutputFile;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;

/**
 * Writes the two index files of the Carinthia layout, both {@code ;}-separated with paths relative to
 * the CSV: {@code carinthia-s.csv} ({@code image_path;mask_path;filename;label}, file name without
 * extension) and {@code carinthia.csv} ({@code image_path;file_name;label}, file name with extension).
 */
public final class CarinthiaCsvWriter {
    /** The Carinthia-S index file name. */
    public static final String CARINTHIA_S_CSV = "carinthia-s.csv";
    /** The Carinthia index file name. */
    public static final String CARINTHIA_CSV = "carinthia.csv";

    /** One generated image as the index files list it. */
    public record Entry(String stem, CarinthiaClass type) {
        public String imagePath() {
            return "images/" + stem + ".jpg";
        }

        public String maskPath() {
            return "masks/" + stem + ".png";
        }
    }

    /** One line of a Carinthia-S index: paths relative to the CSV, file name without extension, label 1..6. */
    public record Row(String imagePath, String maskPath, String filename, int label) {
    }

    private CarinthiaCsvWriter() {
    }

    /** Writes (or replaces) a Carinthia-S index file with the given lines, atomically. */
    public static void writeCarinthiaS(Path file, List<Row> rows) {
        CsvMapper mapper = new CsvMapper();
        mapper.enable(CsvGenerator.Feature.STRICT_CHECK_FOR_QUOTING);
        OutputFile.write(file, true, out -> {
            Writer w = new OutputStreamWriter(out, StandardCharsets.UTF_8);
            try (SequenceWriter seq = mapper.writer(carinthiaSSchema()).writeValues(w)) {
                for (Row r : rows) {
                    seq.write(new Object[] {r.imagePath(), r.maskPath(), r.filename(), r.label()});
                }
            }
        });
    }

    private static CsvSchema carinthiaSSchema() {
        return CsvSchema.builder().setColumnSeparator(';').setUseHeader(true)
                .addColumn("image_path").addColumn("mask_path").addColumn("filename").addColumn("label")
                .build();
    }

    /** Writes both index files into {@code dataDir}. */
    public static void write(Path dataDir, List<Entry> entries) {
        CsvMapper mapper = new CsvMapper();
        mapper.enable(CsvGenerator.Feature.STRICT_CHECK_FOR_QUOTING);
        writeRows(mapper, carinthiaSSchema(), dataDir.resolve(CARINTHIA_S_CSV), entries, true);
        CsvSchema c = CsvSchema.builder().setColumnSeparator(';').setUseHeader(true)
                .addColumn("image_path").addColumn("file_name").addColumn("label")
                .build();
        writeRows(mapper, c, dataDir.resolve(CARINTHIA_CSV), entries, false);
    }

    private static void writeRows(CsvMapper mapper, CsvSchema schema, Path file, List<Entry> entries,
            boolean withMasks) {
        OutputFile.write(file, true, out -> {
            Writer w = new OutputStreamWriter(out, StandardCharsets.UTF_8);
            try (SequenceWriter seq = mapper.writer(schema).writeValues(w)) {
                for (Entry e : entries) {
                    if (withMasks) {
                        seq.write(new Object[] {e.imagePath(), e.maskPath(), e.stem(), e.type().label()});
                    } else {
                        seq.write(new Object[] {e.imagePath(), e.stem() + ".jpg", e.type().label()});
                    }
                }
            }
        });
    }
}
