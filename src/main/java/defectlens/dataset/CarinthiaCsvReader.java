package defectlens.dataset;

import com.fasterxml.jackson.databind.MappingIterator;
import com.fasterxml.jackson.dataformat.csv.CsvMapper;
import com.fasterxml.jackson.dataformat.csv.CsvParser;
import com.fasterxml.jackson.dataformat.csv.CsvSchema;
import defectlens.core.DefectLensException;
import java.io.IOException;
import defectlens.image.RegularFiles;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Reads the listing CSV of a Carinthia ({@code image_path;file_name;label}) or Carinthia-S
 * ({@code image_path;mask_path;filename;label}) data set: {@code ;}-delimited, optional UTF-8 BOM,
 * labels 1..6 (or class names), paths relative to the CSV and confined to the data-set folder by
 * real path ({@link DatasetPaths}); an image listed on two lines is refused, naming both.
 */
public final class CarinthiaCsvReader {
    private static final List<String> CARINTHIA_COLUMNS = List.of("image_path", "file_name", "label");
    private static final List<String> CARINTHIA_S_COLUMNS = List.of("image_path", "mask_path", "filename", "label");

    private CarinthiaCsvReader() {
    }

    public static SemDataset read(Path datasetRoot, Path csv, DatasetLayout layout) {
        List<String> required = layout == DatasetLayout.CARINTHIA_S ? CARINTHIA_S_COLUMNS : CARINTHIA_COLUMNS;
        DatasetPaths paths = new DatasetPaths(datasetRoot);
        paths.contained(csv, csv, "the CSV");
        List<String[]> rows = parse(csv);
        if (rows.isEmpty()) {
            throw new DefectLensException(csv, "the CSV is empty (expected the header " + String.join(";", required) + ")");
        }
        String[] header = rows.get(0);
        int[] index = new int[required.size()];
        List<String> missing = new ArrayList<>();
        for (int i = 0; i < required.size(); i++) {
            index[i] = indexOf(header, required.get(i));
            if (index[i] < 0) {
                missing.add(required.get(i));
            }
        }
        if (!missing.isEmpty()) {
            String hint = header.length == 1 && header[0].contains(",") ? " (the file looks comma-delimited; Carinthia CSVs use ';')" : "";
            throw new DefectLensException(csv, "the CSV lacks the column(s) " + String.join(", ", missing)
                    + "; expected the header " + String.join(";", required) + ", found " + String.join(";", header) + hint);
        }
        List<SemSample> samples = new ArrayList<>(rows.size());
        Map<Path, Integer> firstLine = new HashMap<>();
        for (int r = 1; r < rows.size(); r++) {
            String[] row = rows.get(r);
            int line = r + 1;
            if (row.length == 1 && row[0].isBlank()) {
                continue;
            }
            if (row.length < header.length) {
                throw new DefectLensException(csv, "line " + line + ": expected " + header.length + " fields, found " + row.length);
            }
            Path image = paths.resolveCsvEntry(csv, line, "image_path", row[index[0]]);
            Integer earlier = firstLine.putIfAbsent(image, line);
            if (earlier != null) {
                throw new DefectLensException(csv, "line " + line + ": the image '" + row[index[0]].trim()
                        + "' is listed twice (lines " + earlier + " and " + line + "); each image may appear once");
            }
            Path mask = null;
            String labelText;
            String id;
            if (layout == DatasetLayout.CARINTHIA_S) {
                mask = paths.resolveCsvEntry(csv, line, "mask_path", row[index[1]]);
                id = row[index[2]].trim();
                labelText = row[index[3]];
            } else {
                String fileName = row[index[1]].trim();
                int dot = fileName.lastIndexOf('.');
                id = dot > 0 ? fileName.substring(0, dot) : fileName;
                labelText = row[index[2]];
            }
            CarinthiaClass cls = CarinthiaClass.parse(labelText).orElseThrow(() -> new DefectLensException(csv,
                    "line " + line + ": unknown label '" + labelText.trim() + "' (expected 1..6 or one of "
                            + Arrays.toString(CarinthiaClass.values()) + ")"));
            samples.add(new SemSample(id.isEmpty() ? image.getFileName().toString() : id, image, mask, cls.displayName()));
        }
        List<String> classes = new ArrayList<>();
        for (CarinthiaClass c : CarinthiaClass.values()) {
            classes.add(c.displayName());
        }
        return new SemDataset(datasetRoot, layout, samples, classes);
    }

    private static int indexOf(String[] header, String column) {
        for (int i = 0; i < header.length; i++) {
            if (header[i].trim().toLowerCase(Locale.ROOT).equals(column)) {
                return i;
            }
        }
        return -1;
    }

    private static List<String[]> parse(Path csv) {
        String text = RegularFiles.readUtf8Text(csv, "the CSV");
        CsvMapper mapper = new CsvMapper();
        mapper.enable(CsvParser.Feature.WRAP_AS_ARRAY);
        mapper.enable(CsvParser.Feature.TRIM_SPACES);
        CsvSchema schema = CsvSchema.emptySchema().withColumnSeparator(';');
        List<String[]> rows = new ArrayList<>();
        try (MappingIterator<String[]> it = mapper.readerFor(String[].class).with(schema).readValues(text)) {
            while (it.hasNext()) {
                rows.add(it.next());
            }
        } catch (IOException | RuntimeException e) {
            throw new DefectLensException(csv, "malformed CSV: " + e.getMessage(), e);
        }
        return rows;
    }
}
