package defectlens.dataset;

import defectlens.core.DefectLensException;
import defectlens.image.RegularFiles;
import java.io.IOException;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.LinkOption;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;

/**
 * Keeps every file of a data set inside the data set's folder, by real path. A path written in a
 * CSV is resolved relative to the CSV's folder; an absolute path or one that climbs out with
 * {@code ../} is refused from its text. Then the file (or, when it does not exist yet, its nearest
 * existing folder) is resolved with {@link Path#toRealPath()} and must lie inside the real data-set
 * folder: a symbolic link (to a file or a folder) that leads outside is refused, one that stays
 * inside is allowed. What is returned is the real path, so the file checked is the file later read. A derived data
 * set ({@link DerivedDataset}, with {@code derived.json}) may in addition refer to the images and masks its source
 * data set lists, and to nothing else outside its folder.
 */
public final class DatasetPaths {
    private final Path root;
    private final Path realRoot;
    private final Map<Path, Path> realFolders = new HashMap<>();
    private final Set<Path> sourceFiles;

    /** Containment in the folder {@code datasetRoot}, which must exist. */
    public DatasetPaths(Path datasetRoot) {
        this.root = datasetRoot.toAbsolutePath().normalize();
        this.realRoot = realPath(root, root, "the data-set folder");
        this.sourceFiles = DerivedDataset.sourceFiles(root);
    }

    /** The data-set folder as given (absolute, normalised). */
    public Path root() {
        return root;
    }

    /** Resolves a path written in {@code csv} at {@code line}, {@code column}; refuses one leading outside. */
    public Path resolveCsvEntry(Path csv, int line, String column, String written) {
        String where = "line " + line + ", column " + column;
        if (written == null || written.isBlank()) {
            throw new DefectLensException(csv, where + ": the path is empty");
        }
        String text = written.trim();
        Path rel;
        try {
            rel = Path.of(text.replace('\\', '/'));
        } catch (InvalidPathException e) {
            throw new DefectLensException(csv, where + ": invalid path '" + written + "'");
        }
        if (rel.isAbsolute() || text.startsWith("/") || text.matches("^[A-Za-z]:.*")) {
            throw new DefectLensException(csv, where + ": absolute path '" + written
                    + "' refused (paths must be relative to the CSV and stay inside " + root + ")");
        }
        Path resolved = csv.toAbsolutePath().getParent().resolve(rel).normalize();
        if (!resolved.startsWith(root)) {
            Path source = sourceFile(resolved);
            if (source != null) {
                return source;
            }
            throw new DefectLensException(csv, where + ": path '" + written + "' escapes the data-set folder " + root
                    + (sourceFiles.isEmpty() ? "" : " and is no image or mask of its source data set"));
        }
        return contained(resolved, csv, where + ": '" + written + "'");
    }

    /**
     * The real path of {@code file}, which must lie inside the data-set folder; errors name {@code reported}
     * (the CSV, or the file itself) and {@code what}.
     */
    public Path contained(Path file, Path reported, String what) {
        Path absolute = file.toAbsolutePath().normalize();
        if (!Files.exists(absolute, LinkOption.NOFOLLOW_LINKS)) {
            Path parent = absolute.getParent();
            Path realParent = realFolders.computeIfAbsent(parent, p -> nearestRealFolder(p, reported, what));
            if (!realParent.startsWith(realRoot)) {
                throw outside(reported, what, realParent);
            }
            return absolute;
        }
        Path real = realPath(absolute, reported, what);
        if (!real.startsWith(realRoot) && !sourceFiles.contains(real)) {
            throw outside(reported, what, real);
        }
        return real;
    }

    /** The real path of a file of the source data set (derived data sets only), or null. */
    private Path sourceFile(Path file) {
        if (sourceFiles.isEmpty() || !Files.exists(file)) {
            return null;
        }
        try {
            Path real = file.toRealPath();
            return sourceFiles.contains(real) ? real : null;
        } catch (IOException e) {
            return null;
        }
    }

    private DefectLensException outside(Path reported, String what, Path real) {
        return new DefectLensException(reported, what + " is a symbolic link (or lies under one) to " + real
                + ", outside the data-set folder " + realRoot + "; refused");
    }

    private Path nearestRealFolder(Path folder, Path reported, String what) {
        Path p = folder;
        while (p != null && !Files.exists(p, LinkOption.NOFOLLOW_LINKS)) {
            p = p.getParent();
        }
        return p == null ? realRoot : realPath(p, reported, what);
    }

    private static Path realPath(Path file, Path reported, String what) {
        try {
            return file.toRealPath();
        } catch (NoSuchFileException e) {
            String link = Files.isSymbolicLink(file) ? "is a symbolic link to a file that does not exist"
                    : "is not found";
            throw new DefectLensException(reported, what + " " + link, e);
        } catch (FileSystemException e) {
            String reason = e.getReason() == null ? String.valueOf(e.getMessage()) : e.getReason();
            String problem = RegularFiles.isLinkLoop(file) ? "is a symbolic link loop"
                    : "cannot be resolved: " + reason;
            throw new DefectLensException(reported, what + " " + problem, e);
        } catch (IOException e) {
            throw new DefectLensException(reported, what + " cannot be resolved: " + e.getMessage(), e);
        }
    }
}
