package defectlens.wafer;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The wafer maps of one file, in file order, with where they came from, the file's layout and the rows
 * left out because their maps broke a rule (only when read with {@link InvalidRows#SKIP}).
 */
public final class WaferDataset {
    private final Path source;
    private final WaferLayout layout;
    private final List<WaferMap> maps;
    private final List<InvalidWaferRow> invalidRows;
    private final int invalidCount;

    public WaferDataset(Path source, WaferLayout layout, List<WaferMap> maps) {
        this(source, layout, maps, List.of(), 0);
    }

    /**
     * @param invalidRows the first rows left out as invalid, at most {@value #LISTED_INVALID_ROWS}
     * @param invalidCount how many rows were left out in all
     */
    public WaferDataset(Path source, WaferLayout layout, List<WaferMap> maps, List<InvalidWaferRow> invalidRows,
            int invalidCount) {
        this.source = source;
        this.layout = layout;
        this.maps = Collections.unmodifiableList(new ArrayList<>(maps));
        this.invalidRows = List.copyOf(invalidRows);
        this.invalidCount = invalidCount;
    }

    /** At most this many invalid rows are kept with their problem; the rest are only counted. */
    public static final int LISTED_INVALID_ROWS = 1000;

    /** The first rows of the file left out because their maps broke a rule, in file order; empty when none. */
    public List<InvalidWaferRow> invalidRows() {
        return invalidRows;
    }

    /** How many rows of the file were left out as invalid. */
    public int invalidCount() {
        return invalidCount;
    }

    public Path source() {
        return source;
    }

    public WaferLayout layout() {
        return layout;
    }

    public List<WaferMap> maps() {
        return maps;
    }

    public int size() {
        return maps.size();
    }

    public WaferMap get(int i) {
        return maps.get(i);
    }

    public int labelledCount() {
        int n = 0;
        for (WaferMap m : maps) {
            if (m.isLabelled()) {
                n++;
            }
        }
        return n;
    }

    /** Maps per label as the file spells it, most frequent first (ties by name); unlabelled maps are left out. */
    public Map<String, Integer> classCounts() {
        Map<String, Integer> counts = new LinkedHashMap<>();
        for (WaferMap m : maps) {
            if (m.isLabelled()) {
                counts.merge(m.label(), 1, Integer::sum);
            }
        }
        List<Map.Entry<String, Integer>> entries = new ArrayList<>(counts.entrySet());
        entries.sort(Map.Entry.<String, Integer>comparingByValue().reversed()
                .thenComparing(Map.Entry.comparingByKey()));
        Map<String, Integer> sorted = new LinkedHashMap<>();
        entries.forEach(e -> sorted.put(e.getKey(), e.getValue()));
        return sorted;
    }

    /** Maps per split, in the order Training, Test, none; splits without maps are left out. */
    public Map<WaferSplit, Integer> splitCounts() {
        Map<WaferSplit, Integer> counts = new EnumMap<>(WaferSplit.class);
        for (WaferMap m : maps) {
            counts.merge(m.split(), 1, Integer::sum);
        }
        return counts;
    }

    /** Number of distinct grid shapes (rows x cols). */
    public int distinctShapes() {
        Set<Long> shapes = new HashSet<>();
        for (WaferMap m : maps) {
            shapes.add(((long) m.rows() << 32) | m.cols());
        }
        return shapes.size();
    }

    /** The smallest and largest grid by die count, then rows: {@code {{rows, cols}, {rows, cols}}}; empty if none. */
    public int[][] shapeRange() {
        WaferMap min = null;
        WaferMap max = null;
        for (WaferMap m : maps) {
            if (min == null || compare(m, min) < 0) {
                min = m;
            }
            if (max == null || compare(m, max) > 0) {
                max = m;
            }
        }
        return min == null ? new int[0][] : new int[][] {{min.rows(), min.cols()}, {max.rows(), max.cols()}};
    }

    private static int compare(WaferMap a, WaferMap b) {
        int c = Long.compare((long) a.rows() * a.cols(), (long) b.rows() * b.cols());
        return c != 0 ? c : Integer.compare(a.rows(), b.rows());
    }
}
