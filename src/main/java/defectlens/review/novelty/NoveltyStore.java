package defectlens.review.novelty;

import defectlens.core.DefectLensException;
import defectlens.core.OutputFile;
import defectlens.image.NpyFile;
import defectlens.review.ReviewJson;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

/**
 * Keeps a fitted novelty scorer in its model bundle, in the sub-folder {@value #FOLDER} (never beside the weights:
 * the review's model fingerprint hashes the files directly in the bundle folder, so adding a fit does not
 * invalidate any cached prediction): {@code novelty.json} ({@link NoveltyInfo}), {@code means.npy},
 * {@code whitening.npy}, {@code centre.npy} and {@code reference.npy} (float32), arrays first and the JSON last.
 */
public final class NoveltyStore {
    public static final String FOLDER = "novelty";
    public static final String INFO = "novelty.json";

    /** A scorer with its description. */
    public record Stored(NoveltyModel model, NoveltyInfo info) {
    }

    private NoveltyStore() {
    }

    /** Writes the scorer into {@code <bundleDir>/novelty/}, replacing an older fit. */
    public static Path save(Path bundleDir, NoveltyModel m, NoveltyInfo info) {
        Path dir = bundleDir.resolve(FOLDER);
        try {
            Files.createDirectories(dir);
        } catch (IOException e) {
            throw OutputFile.problem(dir, e);
        }
        write(dir.resolve("means.npy"), m.means());
        write(dir.resolve("whitening.npy"), m.whitening());
        write(dir.resolve("reference.npy"), m.reference());
        OutputFile.write(dir.resolve("centre.npy"), true,
                out -> out.write(NpyFile.encode(m.centre(), m.centre().length)));
        OutputFile.write(dir.resolve(INFO), true, out -> ReviewJson.PRETTY.writeValue(out, info));
        return dir;
    }

    /** Rewrites only the description of the fit in {@code <bundleDir>/novelty/} (e.g. with a drift reference). */
    public static void saveInfo(Path bundleDir, NoveltyInfo info) {
        Path file = bundleDir.resolve(FOLDER).resolve(INFO);
        OutputFile.write(file, true, out -> ReviewJson.PRETTY.writeValue(out, info));
    }

    private static void write(Path file, float[][] rows) {
        int cols = rows.length == 0 ? 0 : rows[0].length;
        float[] flat = new float[rows.length * cols];
        for (int i = 0; i < rows.length; i++) {
            System.arraycopy(rows[i], 0, flat, i * cols, cols);
        }
        OutputFile.write(file, true, out -> out.write(NpyFile.encode(flat, rows.length, cols)));
    }

    /**
     * The scorer fitted for the bundle's weights {@code modelSha}; empty when there is none, or it was fitted for
     * other weights. Arrays that do not fit the description are an error naming the file.
     */
    public static Optional<Stored> load(Path bundleDir, String modelSha) {
        Path dir = bundleDir.resolve(FOLDER);
        Path infoFile = dir.resolve(INFO);
        if (!Files.isRegularFile(infoFile)) {
            return Optional.empty();
        }
        NoveltyInfo info;
        try {
            info = ReviewJson.PRETTY.readValue(infoFile.toFile(), NoveltyInfo.class);
        } catch (IOException e) {
            throw new DefectLensException(infoFile, "cannot read the novelty fit: " + e.getMessage(), e);
        }
        if (info == null || !modelSha.equals(info.modelSha256())) {
            return Optional.empty();
        }
        float[] centre = NpyFile.read(dir.resolve("centre.npy")).data();
        int d = centre.length;
        float[][] means = rows(dir.resolve("means.npy"), d);
        float[][] whitening = rows(dir.resolve("whitening.npy"), d);
        float[][] reference = rows(dir.resolve("reference.npy"), d);
        if (whitening.length != d || means.length != info.classes().size() || info.k() < 1) {
            throw new DefectLensException(infoFile, "the novelty fit's arrays do not match it (" + d + " values, "
                    + means.length + " class means for " + info.classes().size() + " classes)");
        }
        return Optional.of(new Stored(new NoveltyModel(means, whitening, centre, reference, info.k(),
                info.thresholds()), info));
    }

    private static float[][] rows(Path file, int cols) {
        NpyFile.Array a = NpyFile.read(file);
        if (a.shape().length != 2 || a.shape()[1] != cols) {
            throw new DefectLensException(file, "expected rows of " + cols + " values, got shape "
                    + java.util.Arrays.toString(a.shape()));
        }
        float[][] out = new float[a.shape()[0]][];
        for (int i = 0; i < out.length; i++) {
            out[i] = java.util.Arrays.copyOfRange(a.data(), i * cols, (i + 1) * cols);
        }
        return out;
    }
}
