package defectlens.wafer;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.MappingIterator;
import com.fasterxml.jackson.databind.RuntimeJsonMappingException;
import com.fasterxml.jackson.dataformat.csv.CsvMapper;
import com.fasterxml.jackson.dataformat.csv.CsvParser;
import com.fasterxml.jackson.dataformat.csv.CsvSchema;
import defectlens.core.DefectLensException;
import defectlens.image.RegularFiles;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Corrected labels for the rows of a wafer file, as {@code review export --format wafer-labels} (or
 * {@code --format csv}) writes them: a comma-separated CSV with a header holding at least the columns {@code index}
 * (the row of the wafer file, 0-based) and {@code class_after} (the label the row gets; empty keeps the file's
 * label). {@code wafer train --labels} reads it and trains on the file with those rows relabelled. Every problem (no
 * such columns, an index that is not a row of the file, a class the data set does not know, a row listed twice with
 * two classes) ends in one message naming the CSV and the line.
 */
public final class WaferLabelFile {
    /** The largest labels CSV read: 256 MiB, far more than a label for each of WM-811K's 811,457 rows needs. */
    public static final long MAX_BYTES = 256L << 20;
    private static final List<String> REQUIRED = List.of("index", "class_after");

    /** One row's new label, from line {@code line} of the CSV. */
    public record Relabel(int index, String label, int line) {
    }

    /** A data set with the CSV's labels in place: how many rows the CSV set, and how many of them changed. */
    public record Relabelled(WaferDataset data, int listed, int changed) {
    }

    private WaferLabelFile() {
    }

    /** Reads {@code csv} and checks every row against {@code data}: its row count and the classes it knows. */
    public static List<Relabel> read(Path csv, WaferDataset data) {
        if (RegularFiles.requireRegularFile(csv) > MAX_BYTES) {
            throw new DefectLensException(csv, "too large for a labels CSV (at most " + MAX_BYTES + " bytes)");
        }
        Set<String> known = knownClasses(data);
        List<Relabel> out = new ArrayList<>();
        Map<Integer, Relabel> byIndex = new HashMap<>();
        int[] column = null;
        boolean anyRow = false;
        try (MappingIterator<String[]> it = rows(csv)) {
            while (it.hasNext()) {
                int line = it.getParser().currentLocation().getLineNr();
                String[] row = it.next();
                if (row.length == 0 || row.length == 1 && row[0].isBlank()) {
                    continue;
                }
                if (column == null) {
                    column = columns(csv, row);
                    continue;
                }
                anyRow = true;
                Relabel r = relabel(csv, line, row, column, data.size(), known);
                if (r == null) {
                    continue;
                }
                Relabel earlier = byIndex.putIfAbsent(r.index(), r);
                if (earlier == null) {
                    out.add(r);
                } else if (!earlier.label().equals(r.label())) {
                    throw new DefectLensException(csv, "line " + line + ": row " + r.index() + " is listed again "
                            + "with another class ('" + earlier.label() + "' on line " + earlier.line() + ", '"
                            + r.label() + "' here); keep one decision per row");
                }
            }
        } catch (JsonProcessingException e) {
            String where = e.getLocation() == null ? "" : "line " + e.getLocation().getLineNr() + ": ";
            throw new DefectLensException(csv, where + "malformed CSV: "
                    + e.getOriginalMessage().lines().findFirst().orElse(""), e);
        } catch (IOException e) {
            throw new DefectLensException(csv, "cannot be read: " + e.getMessage(), e);
        } catch (RuntimeJsonMappingException e) {
            throw new DefectLensException(csv, "malformed CSV: " + e.getMessage().lines().findFirst().orElse(""), e);
        }
        if (column == null || !anyRow) {
            throw new DefectLensException(csv, column == null ? "the labels CSV is empty (expected the columns "
                    + String.join(", ", REQUIRED) + ")" : "the labels CSV lists no row");
        }
        return out;
    }

    /** The data set with the labels of {@code csv} in place of the file's (see {@link #read}). */
    public static Relabelled apply(Path csv, WaferDataset data) {
        List<Relabel> relabels = read(csv, data);
        List<WaferMap> maps = new ArrayList<>(data.maps());
        int changed = 0;
        for (Relabel r : relabels) {
            WaferMap m = maps.get(r.index());
            if (!r.label().equals(m.label())) {
                maps.set(r.index(), m.withLabel(r.label()));
                changed++;
            }
        }
        WaferDataset relabelled = new WaferDataset(data.source(), data.layout(), maps, data.invalidRows(),
                data.invalidCount());
        return new Relabelled(relabelled, relabels.size(), changed);
    }

    private static Set<String> knownClasses(WaferDataset data) {
        Set<String> known = new LinkedHashSet<>(WaferClassSet.ALL9.classes());
        known.addAll(data.classCounts().keySet());
        return known;
    }

    private static int[] columns(Path csv, String[] header) {
        int[] column = new int[REQUIRED.size()];
        List<String> missing = new ArrayList<>();
        for (int c = 0; c < REQUIRED.size(); c++) {
            column[c] = -1;
            for (int h = 0; h < header.length; h++) {
                if (header[h].trim().toLowerCase(Locale.ROOT).equals(REQUIRED.get(c))) {
                    column[c] = h;
                }
            }
            if (column[c] < 0) {
                missing.add(REQUIRED.get(c));
            }
        }
        if (!missing.isEmpty()) {
            throw new DefectLensException(csv, "line 1: the labels CSV lacks the column(s) "
                    + String.join(", ", missing) + " (found " + String.join(",", header)
                    + "); write it with review export --format wafer-labels");
        }
        return column;
    }

    private static Relabel relabel(Path csv, int line, String[] row, int[] column, int rows, Set<String> known) {
        String where = "line " + line + ": ";
        if (row.length <= Math.max(column[0], column[1])) {
            throw new DefectLensException(csv, where + "expected the columns index and class_after, found "
                    + row.length + " field(s)");
        }
        String label = row[column[1]].trim();
        String indexText = row[column[0]].trim();
        int index;
        try {
            index = Integer.parseInt(indexText);
        } catch (NumberFormatException e) {
            throw new DefectLensException(csv, where + "index '" + shown(indexText) + "' is not a row number");
        }
        if (index < 0 || index >= rows) {
            throw new DefectLensException(csv, where + "row index " + index + " is outside the data set (" + rows
                    + " maps, rows 0.." + (rows - 1) + ")");
        }
        if (label.isEmpty()) {
            return null;
        }
        if (!known.contains(label)) {
            throw new DefectLensException(csv, where + "class '" + shown(label) + "' is not a class of the data set "
                    + known);
        }
        return new Relabel(index, label, line);
    }

    /** A value of the CSV as an error message shows it: one line, at most 80 characters. */
    private static String shown(String value) {
        String v = value.replaceAll("\\p{Cntrl}", "?");
        return v.length() > 80 ? v.substring(0, 80) + "..." : v;
    }

    private static MappingIterator<String[]> rows(Path csv) throws IOException {
        String text = RegularFiles.readUtf8Text(csv, "the labels CSV");
        CsvMapper mapper = new CsvMapper();
        mapper.enable(CsvParser.Feature.WRAP_AS_ARRAY);
        return mapper.readerFor(String[].class).with(CsvSchema.emptySchema()).readValues(text);
    }
}
