package defectlens.dataset;

import defectlens.DefectLensException;
import defectlens.image.ImageFormat;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

/**
 * Lists a folder with one sub-folder per class (the sub-folder name is the class). Only file names
 * are read. Images lying directly in the folder (no class) are listed unlabelled.
 */
public final class ClassFolderScanner {
    private ClassFolderScanner() {
    }

    public static SemDataset scan(Path root) {
        List<String> classes = new ArrayList<>();
        List<SemSample> samples = new ArrayList<>();
        List<Path> looseImages = new ArrayList<>();
        for (Path child : sortedChildren(root)) {
            if (Files.isDirectory(child)) {
                String cls = child.getFileName().toString();
                if (cls.startsWith(".")) {
                    continue;
                }
                List<Path> images = sortedChildren(child).stream()
                        .filter(p -> Files.isRegularFile(p) && ImageFormat.hasImageExtension(p.getFileName().toString()))
                        .toList();
                if (!images.isEmpty()) {
                    classes.add(cls);
                    for (Path img : images) {
                        samples.add(new SemSample(stem(img), img, null, cls));
                    }
                }
            } else if (ImageFormat.hasImageExtension(child.getFileName().toString())) {
                looseImages.add(child);
            }
        }
        for (Path img : looseImages) {
            samples.add(new SemSample(stem(img), img, null, null));
        }
        if (samples.isEmpty()) {
            throw new DefectLensException(root, "no images found: expected class sub-folders of PNG/JPEG/BMP/TIFF images, "
                    + "data/carinthia.csv or data/carinthia-s.csv");
        }
        return new SemDataset(root, DatasetLayout.CLASS_FOLDERS, samples, classes);
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
