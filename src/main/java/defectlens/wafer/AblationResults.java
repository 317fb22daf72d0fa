package defectlens.wafer;

import com.fasterxml.jackson.databind.MappingIterator;
import com.fasterxml.jackson.dataformat.csv.CsvMapper;
import com.fasterxml.jackson.dataformat.csv.CsvSchema;
import defectlens.core.DefectLensException;
import java.io.IOException;
import java.io.Writer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * The result rows of the wafer ablation (Jeong et al. 2023, Tables 3 and 4), one per variant x train size x
 * seed, kept in a CSV file that is appended after every run (so an interrupted experiment resumes where it
 * stopped), and summarised as a Markdown table of mean and standard deviation over seeds.
 */
public final class AblationResults {
    /** CSV columns, in file order. */
    public static final List<String> COLUMNS = List.of("variant", "classes", "train_per_class", "seed", "train_maps",
            "shortfall", "epochs", "best_epoch", "stop", "test_n", "accuracy", "macro_f1", "rotflip_accuracy",
            "rotflip_macro_f1", "seconds");

    private final Path csv;
    private final List<Map<String, String>> rows = new ArrayList<>();

    private AblationResults(Path csv) {
        this.csv = csv;
    }

    /** The rows already in {@code csv} (none if it does not exist yet). */
    public static AblationResults open(Path csv) {
        AblationResults r = new AblationResults(csv);
        if (Files.isRegularFile(csv)) {
            try (MappingIterator<Map<String, String>> it = new CsvMapper().readerForMapOf(String.class)
                    .with(CsvSchema.emptySchema().withHeader()).readValues(csv.toFile())) {
                while (it.hasNext()) {
                    r.rows.add(it.next());
                }
            } catch (IOException | RuntimeException e) {
                throw new DefectLensException(csv, "cannot read ablation results: " + e.getMessage(), e);
            }
        }
        return r;
    }

    public List<Map<String, String>> rows() {
        return List.copyOf(rows);
    }

    /** Whether a run of this variant, class set, size and seed is already recorded. */
    public boolean has(String variant, String classes, int perClass, long seed) {
        for (Map<String, String> row : rows) {
            if (variant.equals(row.get("variant")) && classes.equals(row.get("classes"))
                    && String.valueOf(perClass).equals(row.get("train_per_class"))
                    && String.valueOf(seed).equals(row.get("seed"))) {
                return true;
            }
        }
        return false;
    }

    /** Appends one row (values in {@link #COLUMNS} order) and flushes it to the file. */
    public void append(Map<String, String> row) {
        boolean header = !Files.isRegularFile(csv);
        CsvSchema.Builder schema = CsvSchema.builder();
        COLUMNS.forEach(schema::addColumn);
        try (Writer w = Files.newBufferedWriter(csv, StandardOpenOption.CREATE, StandardOpenOption.APPEND)) {
            new CsvMapper().writer(header ? schema.build().withHeader() : schema.build()).writeValue(w, row);
        } catch (IOException e) {
            throw new DefectLensException(csv, "cannot append an ablation result: " + e.getMessage(), e);
        }
        rows.add(row);
    }

    /** Mean and spread over the seeds of one variant, class set and train size. */
    public record Cell(String variant, String classes, int perClass, int seeds, double accuracyMean, double accuracySd,
            double rotflipMean, double rotflipSd, double macroF1Mean) {
        /** "variant / classes", the row label. */
        public String label() {
            return variant + " / " + classes;
        }
    }

    /** One {@link Cell} per variant x class set x train size, variants in first-seen order, sizes ascending. */
    public List<Cell> summary() {
        Set<Integer> sizes = new TreeSet<>();
        Map<String, String[]> variants = new LinkedHashMap<>();
        for (Map<String, String> row : rows) {
            sizes.add(Integer.parseInt(row.get("train_per_class")));
            variants.putIfAbsent(row.get("variant") + " / " + row.get("classes"),
                    new String[] {row.get("variant"), row.get("classes")});
        }
        List<Cell> out = new ArrayList<>();
        for (String[] v : variants.values()) {
            for (int size : sizes) {
                List<Double> acc = new ArrayList<>();
                List<Double> rot = new ArrayList<>();
                List<Double> f1 = new ArrayList<>();
                for (Map<String, String> row : rows) {
                    if (v[0].equals(row.get("variant")) && v[1].equals(row.get("classes"))
                            && size == Integer.parseInt(row.get("train_per_class"))) {
                        acc.add(100 * Double.parseDouble(row.get("accuracy")));
                        rot.add(100 * Double.parseDouble(row.get("rotflip_accuracy")));
                        f1.add(Double.parseDouble(row.get("macro_f1")));
                    }
                }
                if (!acc.isEmpty()) {
                    out.add(new Cell(v[0], v[1], size, acc.size(), mean(acc), sd(acc), mean(rot), sd(rot), mean(f1)));
                }
            }
        }
        return out;
    }

    /**
     * Markdown: one line per variant x train size with the number of seeds, accuracy and rotated/flipped
     * accuracy as mean +- sample standard deviation (in %), and the drop; then the shortfalls seen.
     */
    public String markdown() {
        StringBuilder md = new StringBuilder();
        md.append("| variant / classes | train per class | seeds | accuracy (%) | rotflip accuracy (%) | drop (points) | macro F1 |\n");
        md.append("|---|---:|---:|---:|---:|---:|---:|\n");
        for (Cell c : summary()) {
            md.append(String.format(Locale.ROOT, "| %s | %d | %d | %.2f +- %.2f | %.2f +- %.2f | %.2f | %.3f |%n",
                    c.label(), c.perClass(), c.seeds(), c.accuracyMean(), c.accuracySd(), c.rotflipMean(), c.rotflipSd(),
                    c.accuracyMean() - c.rotflipMean(), c.macroF1Mean()));
        }
        Map<String, String> shortfalls = new TreeMap<>(java.util.Comparator.comparingInt(
                (String k) -> Integer.parseInt(k.substring(0, k.indexOf(' ')))));
        for (Map<String, String> row : rows) {
            if (!row.get("shortfall").isEmpty()) {
                shortfalls.put(row.get("train_per_class") + " per class", row.get("shortfall"));
            }
        }
        if (!shortfalls.isEmpty()) {
            md.append("\nThe data could not fill these balanced train sizes (class: training maps available):\n\n");
            shortfalls.forEach((k, v) -> md.append("- ").append(k).append(": ").append(v).append('\n'));
        }
        return md.toString();
    }

    static double mean(List<Double> v) {
        double s = 0;
        for (double x : v) {
            s += x;
        }
        return v.isEmpty() ? Double.NaN : s / v.size();
    }

    /** Sample standard deviation (n - 1); 0 for a single value. */
    static double sd(List<Double> v) {
        if (v.size() < 2) {
            return 0;
        }
        double m = mean(v);
        double s = 0;
        for (double x : v) {
            s += (x - m) * (x - m);
        }
        return Math.sqrt(s / (v.size() - 1));
    }
}
