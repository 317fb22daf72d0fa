package defectlens.dataset;

import defectlens.core.DefectLensException;
import defectlens.image.ImageFormat;
import defectlens.image.RegularFiles;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.List;

/**
 * Opens a data set from a path a user gives: a Carinthia-S or Carinthia folder (or its CSV), a
 * folder of class sub-folders, or a single image. The layout is recognised from what is there.
 */
public final class DatasetOpener {
    private DatasetOpener() {
    }

    public static SemDataset open(Path path) {
        Path p = path.toAbsolutePath().normalize();
        if (!Files.exists(p, LinkOption.NOFOLLOW_LINKS)) {
            throw new DefectLensException(p, "not found");
        }
        if (!Files.isDirectory(p)) {
            RegularFiles.requireRegularFile(p);
            String name = p.getFileName().toString();
            if (name.equalsIgnoreCase("carinthia-s.csv")) {
                return CarinthiaCsvReader.read(rootOfCsv(p), p, DatasetLayout.CARINTHIA_S);
            }
            if (name.equalsIgnoreCase("carinthia.csv")) {
                return CarinthiaCsvReader.read(rootOfCsv(p), p, DatasetLayout.CARINTHIA);
            }
            if (ImageFormat.hasImageExtension(name)) {
                SemSample s = new SemSample(ClassFolderScanner.stem(p), p, null, null);
                return new SemDataset(p.getParent(), DatasetLayout.SINGLE_IMAGE, List.of(s), List.of());
            }
            throw new DefectLensException(p, "not a data set: open a folder, data/carinthia.csv, data/carinthia-s.csv or an image");
        }
        for (Path dataDir : List.of(p.resolve("data"), p)) {
            Path cs = dataDir.resolve("carinthia-s.csv");
            if (Files.exists(cs, LinkOption.NOFOLLOW_LINKS)) {
                return CarinthiaCsvReader.read(p, cs, DatasetLayout.CARINTHIA_S);
            }
            Path c = dataDir.resolve("carinthia.csv");
            if (Files.exists(c, LinkOption.NOFOLLOW_LINKS)) {
                return CarinthiaCsvReader.read(p, c, DatasetLayout.CARINTHIA);
            }
        }
        return ClassFolderScanner.scan(p);
    }

    /** The data-set folder of a CSV: the folder above {@code data/}, else the CSV's own folder. */
    static Path rootOfCsv(Path csv) {
        Path dir = csv.getParent();
        if (dir.getFileName() != null && dir.getFileName().toString().equals("data") && dir.getParent() != null) {
            return dir.getParent();
        }
        return dir;
    }
}
