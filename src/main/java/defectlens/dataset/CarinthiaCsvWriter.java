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

    /**
     * One line of an index file: the image (and mask, Carinthia-S only) path as written, relative to the CSV, the
     * image's file name without extension ({@code stem}) and with it ({@code fileName}), and the class.
     */
    public record Row(String imagePath, String maskPath, String stem, String fileName, CarinthiaClass type) {
    }

    private CarinthiaCsvWriter() {
    }

    /** Writes both index files into {@code dataDir}. */
    public static void write(Path dataDir, List<Entry> entries) {
        List<Row> rows = entries.stream().map(e -> new Row(e.imagePath(), e.maskPath(), e.stem(), e.stem() + ".jpg",
                e.type())).toList();
        writeCarinthiaS(dataDir.resolve(CARINTHIA_S_CSV), rows, true);
        writeCarinthia(dataDir.resolve(CARINTHIA_CSV), rows, true);
    }

    /** Writes a Carinthia-S index file ({@code image_path;mask_path;filename;label}); replaces one only when forced. */
    public static void writeCarinthiaS(Path csv, List<Row> rows, boolean force) {
        CsvSchema s = CsvSchema.builder().setColumnSeparator(';').setUseHeader(true)
                .addColumn("image_path").addColumn("mask_path").addColumn("filename").addColumn("label")
                .build();
        writeRows(s, csv, force, rows.stream().map(r -> new Object[] {r.imagePath(), r.maskPath(), r.stem(),
            r.type().label()}).toList());
    }

    /** Writes a Carinthia index file ({@code image_path;file_name;label}); replaces one only when forced. */
    public static void writeCarinthia(Path csv, List<Row> rows, boolean force) {
        CsvSchema c = CsvSchema.builder().setColumnSeparator(';').setUseHeader(true)
                .addColumn("image_path").addColumn("file_name").addColumn("label")
                .build();
        writeRows(c, csv, force, rows.stream().map(r -> new Object[] {r.imagePath(), r.fileName(),
            r.type().label()}).toList());
    }

    private static void writeRows(CsvSchema schema, Path file, boolean force, List<Object[]> rows) {
        CsvMapper mapper = new CsvMapper();
        mapper.enable(CsvGenerator.Feature.STRICT_CHECK_FOR_QUOTING);
        OutputFile.write(file, force, out -> {
            Writer w = new OutputStreamWriter(out, StandardCharsets.UTF_8);
            try (SequenceWriter seq = mapper.writer(schema).writeValues(w)) {
                for (Object[] row : rows) {
                    seq.write(row);
                }
            }
        });
    }
}
