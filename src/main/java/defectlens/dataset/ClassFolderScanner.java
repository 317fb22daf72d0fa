package defectlens.dataset;

import defectlens.core.DefectLensException;
import defectlens.image.ImageFormat;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

/**
 * Lists a folder with one sub-folder per class (the sub-folder name is the class). Only file names
 * are read. Images lying directly in the folder (no class) are listed unlabelled. Every class folder
 * and image is checked by real path to lie inside the folder ({@link DatasetPaths}): a symbolic link
 * leading outside is refused, naming it.
 */
public final class ClassFolderScanner {
    private ClassFolderScanner() {
    }

    public static SemDataset scan(Path root) {
        DatasetPaths paths = new DatasetPaths(root);
        List<String> classes = new ArrayList<>();
        List<SemSample> samples = new ArrayList<>();
        List<SemSample> looseImages = new ArrayList<>();
        for (Path child : sortedChildren(paths.root())) {
            String name = child.getFileName().toString();
            if (name.startsWith(".")) {
                continue;
            }
            boolean image = ImageFormat.hasImageExtension(name);
            Path real = null;
            if (Files.isDirectory(child) || image) {
                real = paths.contained(child, child, image ? "the image" : "the class folder");
            }
            if (real != null && Files.isDirectory(real) && !image) {
                List<SemSample> listed = classImages(paths, child, name);
                if (!listed.isEmpty()) {
                    classes.add(name);
                    samples.addAll(listed);
                }
            } else if (real != null && !Files.isDirectory(real)) {
                looseImages.add(new SemSample(stem(child), real, null, null));
            }
        }
        samples.addAll(looseImages);
        if (samples.isEmpty()) {
            throw new DefectLensException(root, "no images found: expected class sub-folders of PNG/JPEG/BMP/TIFF images, "
                    + "data/carinthia.csv or data/carinthia-s.csv");
        }
        return new SemDataset(root, DatasetLayout.CLASS_FOLDERS, samples, classes);
    }

    private static List<SemSample> classImages(DatasetPaths paths, Path folder, String cls) {
        List<SemSample> out = new ArrayList<>();
        for (Path p : sortedChildren(folder)) {
            if (!ImageFormat.hasImageExtension(p.getFileName().toString())) {
                continue;
            }
            Path real = paths.contained(p, p, "the image");
            if (!Files.isDirectory(real)) {
                out.add(new SemSample(stem(p), real, null, cls));
            }
        }
        return out;
    }

    static String stem(Path p) {
        String n = p.getFileName().toString();
        int dot = n.lastIndexOf('.');
        return dot > 0 ? n.substring(0, dot) : n;
    }

    private static List<Path> sortedChildren(Path dir) {
        try (Stream<Path> s = Files.list(dir)) {
            return s.sorted().toList();
        } catch (IOException e) {
            throw new DefectLensException(dir, "cannot list the folder: " + e.getMessage(), e);
        }
    }
}
