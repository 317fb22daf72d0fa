package defectlens.cli.spark;

import defectlens.core.OutputFile;
import defectlens.core.Progress;
import defectlens.wafer.WaferDataset;
import defectlens.wafer.WaferMap;
import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import org.apache.hadoop.conf.Configuration;
import org.apache.parquet.example.data.Group;
import org.apache.parquet.example.data.simple.SimpleGroupFactory;
import org.apache.parquet.hadoop.ParquetFileWriter;
import org.apache.parquet.hadoop.ParquetWriter;
import org.apache.parquet.hadoop.example.ExampleParquetWriter;
import org.apache.parquet.hadoop.metadata.CompressionCodecName;
import org.apache.parquet.io.api.Binary;
import org.apache.parquet.schema.MessageType;
import org.apache.parquet.schema.MessageTypeParser;

/**
 * Wafer maps as a Parquet folder Spark reads in one go: {@code part-NNNNN.parquet} files of at most
 * {@value #MAPS_PER_FILE} maps, one row per map with {@code index} (row in the source file, 0-based, as in
 * {@code wafer classify}), {@code lot}, {@code wafer} (index in the lot), {@code label} (null: unlabelled),
 * {@code split}, {@code die_size}, the grid's {@code rows} and {@code cols}, and {@code dies}: the die values
 * (0 no die, 1 pass, 2 fail) row-major, one byte each. Written with parquet-hadoop, which Spark provides.
 */
public final class WaferMapsParquet {
    /** Maps per file: several files, so that Spark's tasks share even a small export. */
    static final int MAPS_PER_FILE = 100_000;

    static final MessageType SCHEMA = MessageTypeParser.parseMessageType("message wafer_map {\n"
            + "  required int32 index;\n"
            + "  optional binary lot (STRING);\n"
            + "  optional double wafer;\n"
            + "  optional binary label (STRING);\n"
            + "  required binary split (STRING);\n"
            + "  optional double die_size;\n"
            + "  required int32 rows;\n"
            + "  required int32 cols;\n"
            + "  required binary dies;\n"
            + "}");

    private WaferMapsParquet() {
    }

    /**
     * Writes the maps of {@code rows} (indices into {@code data}) into {@code folder}, replacing the part files of
     * an earlier export there; returns the number of files.
     */
    public static int write(WaferDataset data, int[] rows, Path folder, Progress progress) throws IOException {
        deleteParts(folder);
        SimpleGroupFactory groups = new SimpleGroupFactory(SCHEMA);
        Configuration conf = new Configuration();
        int files = 0;
        for (int start = 0; start < rows.length || files == 0; start += MAPS_PER_FILE) {
            Path file = folder.resolve(String.format(Locale.ROOT, "part-%05d.parquet", files++));
            try (ParquetWriter<Group> writer = ExampleParquetWriter
                    .builder(new org.apache.hadoop.fs.Path(file.toUri()))
                    .withConf(conf).withType(SCHEMA).withWriteMode(ParquetFileWriter.Mode.OVERWRITE)
                    .withCompressionCodec(CompressionCodecName.SNAPPY).withRowGroupSize(32L << 20).build()) {
                int end = Math.min(rows.length, start + MAPS_PER_FILE);
                for (int k = start; k < end; k++) {
                    writer.write(row(groups, rows[k], data.get(rows[k])));
                    if ((k + 1) % 10_000 == 0) {
                        progress.update(k + 1, rows.length, (k + 1) + "/" + rows.length + " maps");
                    }
                }
            }
            Files.deleteIfExists(file.resolveSibling("." + file.getFileName() + ".crc"));
        }
        progress.update(rows.length, rows.length, rows.length + "/" + rows.length + " maps");
        return files;
    }

    private static Group row(SimpleGroupFactory groups, int index, WaferMap m) {
        Group g = groups.newGroup().append("index", index);
        if (m.lotName() != null) {
            g.append("lot", m.lotName());
        }
        if (!Double.isNaN(m.waferIndex())) {
            g.append("wafer", m.waferIndex());
        }
        if (m.label() != null) {
            g.append("label", m.label());
        }
        g.append("split", m.split().label());
        if (!Double.isNaN(m.dieSize())) {
            g.append("die_size", m.dieSize());
        }
        return g.append("rows", m.rows()).append("cols", m.cols()).append("dies", Binary.fromConstantByteArray(m.dies()));
    }

    private static void deleteParts(Path folder) throws IOException {
        try (DirectoryStream<Path> parts = Files.newDirectoryStream(folder, "{part-*.parquet,.part-*.parquet.crc}")) {
            for (Path p : parts) {
                Files.delete(p);
            }
        } catch (IOException e) {
            throw OutputFile.problem(folder, e);
        }
    }
}
