package defectlens.review;

import defectlens.core.DefectLensException;
import defectlens.dataset.CarinthiaClass;
import defectlens.dataset.CarinthiaCsvWriter;
import defectlens.dataset.DerivedDataset;
import defectlens.dataset.SemDataset;
import defectlens.dataset.SemSample;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * A SEM data set with the labels a review corrected, written as a new data set beside the source, which stays as it
 * is. Each item's class after the review is the reviewers' current class where they accepted or relabelled it, else
 * its label; an item with neither is left out. As Carinthia, the new folder holds {@code data/carinthia.csv} (and
 * {@code data/carinthia-s.csv} with the masks when every image has one) whose paths lead, relative to the CSV, to the
 * SAME image files of the source, and a {@code derived.json} naming the source ({@link DerivedDataset}); as class
 * folders, one folder per class with copies of the images or symbolic links to them. The output folder must be new
 * or empty.
 */
public final class CorrectedSemExport {
    private static final Pattern FOLDER_NAME = Pattern.compile("[A-Za-z0-9][A-Za-z0-9 ._+-]{0,99}");

    private CorrectedSemExport() {
    }

    /** What an export wrote: its folder and layout, images listed, labels changed, items left out, per class. */
    public record Result(Path out, String layout, int images, int corrected, int leftOut,
            Map<String, Integer> classes) {
    }

    /** Writes the corrected data set as a Carinthia (-S) folder that refers to the source's images. */
    public static Result carinthia(SemDataset data, PredictionTable items, DecisionLedger ledger, Path out,
            String derivedBy) {
        List<String> after = classesAfter(data, items, ledger);
        boolean masks = data.maskCount() == data.size();
        Path target = ExportOutput.physical(out);
        Path dataDir = target.resolve("data");
        List<CarinthiaCsvWriter.Row> rows = new ArrayList<>();
        for (int i = 0; i < data.size(); i++) {
            if (after.get(i) == null) {
                continue;
            }
            SemSample s = data.samples().get(i);
            String cls = after.get(i);
            CarinthiaClass type = CarinthiaClass.parse(cls).orElseThrow(() -> new DefectLensException(
                    "class '" + cls + "' of " + s.id() + " is not a Carinthia class (1..6 or "
                            + List.of(CarinthiaClass.values()) + "); export as class-folders instead"));
            rows.add(new CarinthiaCsvWriter.Row(relative(dataDir, s.image()), masks ? relative(dataDir, s.mask())
                    : null, s.id(), s.fileName(), type));
        }
        Path written = ExportOutput.writeFolder(target, tmp -> {
            Files.createDirectories(tmp.resolve("data"));
            if (masks) {
                CarinthiaCsvWriter.writeCarinthiaS(tmp.resolve("data").resolve(CarinthiaCsvWriter.CARINTHIA_S_CSV),
                        rows, false);
            }
            CarinthiaCsvWriter.writeCarinthia(tmp.resolve("data").resolve(CarinthiaCsvWriter.CARINTHIA_CSV), rows,
                    false);
            DerivedDataset.write(tmp, realRoot(data), derivedBy);
        });
        return result(written, masks ? "carinthia-s" : "carinthia", data, items, after);
    }

    /** Writes the corrected data set as one folder per class, with copies of the images or links to them. */
    public static Result classFolders(SemDataset data, PredictionTable items, DecisionLedger ledger, Path out,
            boolean link, String derivedBy) {
        List<String> after = classesAfter(data, items, ledger);
        for (String cls : new HashSet<>(after)) {
            if (cls != null && (!FOLDER_NAME.matcher(cls).matches() || cls.endsWith("."))) {
                throw new DefectLensException("class '" + cls + "' cannot be a folder name; export as carinthia "
                        + "or csv");
            }
        }
        Path target = ExportOutput.physical(out);
        Path written = ExportOutput.writeFolder(target, tmp -> {
            Set<Path> taken = new HashSet<>();
            for (int i = 0; i < data.size(); i++) {
                if (after.get(i) == null) {
                    continue;
                }
                SemSample s = data.samples().get(i);
                Path folder = tmp.resolve(after.get(i));
                Files.createDirectories(folder);
                Path file = freeName(folder, s.fileName(), taken);
                if (link) {
                    Path finalFolder = target.resolve(after.get(i));
                    Files.createSymbolicLink(file, finalFolder.relativize(s.image()));
                } else {
                    Files.copy(s.image(), file);
                }
            }
            if (link) {
                DerivedDataset.write(tmp, realRoot(data), derivedBy);
            }
        });
        return result(written, "class-folders", data, items, after);
    }

    /** The class of every item after the review: a reviewer's class, else its label, else null (left out). */
    static List<String> classesAfter(SemDataset data, PredictionTable items, DecisionLedger ledger) {
        if (data.size() != items.size()) {
            throw new DefectLensException(data.root(), "the data set has " + data.size() + " images, the review "
                    + items.size() + ": it changed since the review was made");
        }
        List<String> after = new ArrayList<>(data.size());
        for (int i = 0; i < data.size(); i++) {
            SemSample s = data.samples().get(i);
            if (!s.id().equals(items.id(i))) {
                throw new DefectLensException(data.root(), "image " + (i + 1) + " is " + s.id() + ", the review has "
                        + items.id(i) + ": the data set changed since the review was made");
            }
            String cls = ledger.classAfter(i);
            after.add(cls != null ? cls : s.label());
        }
        return after;
    }

    private static Result result(Path out, String layout, SemDataset data, PredictionTable items, List<String> after) {
        Map<String, Integer> classes = new LinkedHashMap<>();
        data.classes().forEach(c -> classes.put(c, 0));
        int images = 0;
        int corrected = 0;
        for (int i = 0; i < after.size(); i++) {
            if (after.get(i) != null) {
                images++;
                classes.merge(after.get(i), 1, Integer::sum);
                if (!after.get(i).equals(data.samples().get(i).label())) {
                    corrected++;
                }
            }
        }
        return new Result(out, layout, images, corrected, items.size() - images, classes);
    }

    private static String relative(Path fromFolder, Path file) {
        try {
            return fromFolder.relativize(file).toString().replace('\\', '/');
        } catch (IllegalArgumentException e) {
            throw new DefectLensException(file, "cannot be referred to by a relative path from " + fromFolder
                    + " (another drive?); export as class-folders instead");
        }
    }

    private static Path realRoot(SemDataset data) {
        try {
            return data.root().toRealPath();
        } catch (IOException e) {
            throw new DefectLensException(data.root(), "the data-set folder cannot be resolved: " + e.getMessage(), e);
        }
    }

    private static Path freeName(Path folder, String name, Set<Path> taken) {
        int dot = name.lastIndexOf('.');
        String stem = dot > 0 ? name.substring(0, dot) : name;
        String ext = dot > 0 ? name.substring(dot) : "";
        Path p = folder.resolve(name);
        for (int k = 2; !taken.add(p); k++) {
            p = folder.resolve(stem + "-" + k + ext);
        }
        return p;
    }
}
