package defectlens.cli.spark;

import defectlens.core.DefectLensException;
import java.io.IOException;
import java.io.Serializable;
import java.io.UncheckedIOException;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;

/**
 * The files of a model bundle folder as bytes, so that a Spark job can broadcast them to its executors: each
 * executor writes them once into a folder of its local temporary directory named by their digest and loads the
 * bundle from there with the desktop's loader. A bundle is a few MB, so a broadcast costs less than asking for a
 * file system shared by every node.
 */
public final class BundleFiles implements Serializable {
    private static final long serialVersionUID = 1L;
    /** A bundle larger than this is refused: a broadcast is held in memory by the driver and every executor. */
    static final long MAX_BYTES = 512L << 20;

    private final String name;
    private final TreeMap<String, byte[]> files;
    private final String digest;

    private BundleFiles(String name, TreeMap<String, byte[]> files, String digest) {
        this.name = name;
        this.files = files;
        this.digest = digest;
    }

    /** Reads every regular file under {@code dir} (sub-folders included, e.g. {@code novelty/}). */
    public static BundleFiles read(Path dir) {
        if (!Files.isDirectory(dir)) {
            throw new DefectLensException(dir, "no such model bundle folder");
        }
        TreeMap<String, byte[]> files = new TreeMap<>();
        long total = 0;
        try (Stream<Path> walk = Files.walk(dir)) {
            for (Path f : walk.filter(Files::isRegularFile).sorted().toList()) {
                String rel = dir.relativize(f).toString().replace('\\', '/');
                byte[] bytes = Files.readAllBytes(f);
                total += bytes.length;
                if (total > MAX_BYTES) {
                    throw new DefectLensException(dir, "the bundle is larger than " + (MAX_BYTES >> 20)
                            + " MB, too large to broadcast to the executors");
                }
                files.put(rel, bytes);
            }
        } catch (IOException | UncheckedIOException e) {
            throw new DefectLensException(dir, "cannot read the model bundle: " + e.getMessage(), e);
        }
        Path fileName = dir.toAbsolutePath().normalize().getFileName();
        return new BundleFiles(fileName == null ? "bundle" : fileName.toString(), files, digest(files));
    }

    /** SHA-256 of the relative names and contents: equal for equal bundles. */
    public String digest() {
        return digest;
    }

    /** The bundle folder's name on the driver. */
    public String name() {
        return name;
    }

    /** The relative names of the files, sorted. */
    public List<String> names() {
        return List.copyOf(files.keySet());
    }

    /**
     * The bundle as a folder under {@code parent}, {@code defectlens-bundle-<digest>/<name>}: written once (into a
     * sibling first, then moved), reused when another task or executor of the machine wrote it before.
     */
    public Path materialize(Path parent) {
        Path home = parent.resolve("defectlens-bundle-" + digest.substring(0, 32));
        Path dir = home.resolve(name);
        if (Files.isDirectory(dir)) {
            return dir;
        }
        try {
            Files.createDirectories(home);
            Path staging = Files.createTempDirectory(home, ".staging-");
            for (Map.Entry<String, byte[]> f : files.entrySet()) {
                Path target = staging.resolve(f.getKey()).normalize();
                if (!target.startsWith(staging)) {
                    throw new IOException("file name escapes the bundle: " + f.getKey());
                }
                Files.createDirectories(target.getParent());
                Files.write(target, f.getValue());
            }
            try {
                Files.move(staging, dir, StandardCopyOption.ATOMIC_MOVE);
            } catch (FileAlreadyExistsException | AtomicMoveNotSupportedException e) {
                if (!Files.isDirectory(dir)) {
                    throw e;
                }
            }
            return dir;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write the model bundle " + name + " under " + home, e);
        }
    }

    private static String digest(Map<String, byte[]> files) {
        try {
            MessageDigest sha = MessageDigest.getInstance("SHA-256");
            for (Map.Entry<String, byte[]> f : files.entrySet()) {
                sha.update(f.getKey().getBytes(java.nio.charset.StandardCharsets.UTF_8));
                sha.update((byte) 0);
                sha.update(f.getValue());
            }
            return HexFormat.of().formatHex(sha.digest());
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
