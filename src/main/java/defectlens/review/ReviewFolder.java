package defectlens.review;

import defectlens.core.DefectLensException;
import defectlens.core.OutputFile;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * The folder of a review: {@code review.json} ({@link ReviewDefinition}), the cached predictions of its model on
 * its data ({@code predictions/}, see {@link PredictionCache}) and one decisions journal per reviewer
 * ({@code decisions/<reviewer>.jsonl}).
 */
public final class ReviewFolder {
    public static final String DEFINITION = "review.json";
    public static final String PREDICTIONS = "predictions";
    public static final String DECISIONS = "decisions";
    /** The largest review.json read. */
    static final long MAX_DEFINITION_BYTES = 1L << 20;
    private static final Pattern REVIEWER = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._-]{0,63}");

    private final Path dir;
    private volatile ReviewDefinition definition;

    private ReviewFolder(Path dir, ReviewDefinition definition) {
        this.dir = dir;
        this.definition = definition;
    }

    /**
     * Creates a review in {@code dir} (which must not exist or be empty): writes review.json and the predictions
     * known so far.
     */
    public static ReviewFolder create(Path dir, ReviewDefinition def, PredictionTable table) {
        Path d = OutputFile.prepareFolder(dir.toAbsolutePath().normalize(), false);
        ReviewFolder f = new ReviewFolder(d, def);
        f.write(def);
        f.savePredictions(table);
        try {
            Files.createDirectories(f.decisionsDir());
        } catch (IOException e) {
            throw OutputFile.problem(f.decisionsDir(), e);
        }
        return f;
    }

    /** Opens a review folder: reads and checks review.json. */
    public static ReviewFolder open(Path dir) {
        Path d = dir.toAbsolutePath().normalize();
        if (!Files.isDirectory(d)) {
            throw new DefectLensException(d, Files.exists(d) ? "not a folder, so not a review" : "review folder not found");
        }
        Path file = d.resolve(DEFINITION);
        if (!Files.isRegularFile(file)) {
            throw new DefectLensException(d, "not a review folder (no " + DEFINITION + ")");
        }
        ReviewDefinition def;
        try {
            if (Files.size(file) > MAX_DEFINITION_BYTES) {
                throw new DefectLensException(file, "too large for a review definition (" + Files.size(file) + " bytes)");
            }
            def = ReviewJson.PRETTY.readValue(file.toFile(), ReviewDefinition.class);
        } catch (IOException e) {
            throw new DefectLensException(file, "not a review definition: " + firstLine(e.getMessage()), e);
        } catch (DefectLensException e) {
            throw e.file() == null ? new DefectLensException(file, e.getMessage()) : e;
        }
        check(file, def);
        return new ReviewFolder(d, def);
    }

    private static void check(Path file, ReviewDefinition def) {
        if (def == null) {
            throw new DefectLensException(file, "empty review definition");
        }
        if (def.format() != ReviewDefinition.FORMAT) {
            throw new DefectLensException(file, "review format " + def.format() + " is not supported (this version reads "
                    + ReviewDefinition.FORMAT + ")");
        }
        if (def.kind() == null || def.data() == null || def.data().path() == null || def.data().fingerprint() == null
                || def.model() == null || def.model().path() == null || def.model().weightsSha256() == null
                || def.id() == null) {
            throw new DefectLensException(file, "incomplete review definition (id, kind, data and model with their "
                    + "fingerprints are required)");
        }
        if (def.classes().isEmpty() || def.classes().stream().anyMatch(c -> c == null || c.isBlank())) {
            throw new DefectLensException(file, "the review names no model classes");
        }
        if (def.data().items() < 0) {
            throw new DefectLensException(file, "negative item count " + def.data().items());
        }
    }

    private static String firstLine(String s) {
        if (s == null) {
            return "unreadable";
        }
        int nl = s.indexOf('\n');
        return nl < 0 ? s : s.substring(0, nl);
    }

    /** Rewrites review.json (a new queue, a refreshed data stamp, other model weights). */
    public synchronized void update(ReviewDefinition def) {
        check(dir.resolve(DEFINITION), def);
        write(def);
    }

    private void write(ReviewDefinition def) {
        OutputFile.write(dir.resolve(DEFINITION), true, out -> ReviewJson.PRETTY.writeValue(out, def));
        this.definition = def;
    }

    /** The cached predictions, when they were made by this review's model weights on its data. */
    public Optional<PredictionTable> predictions() {
        return Optional.ofNullable(readPredictions().table());
    }

    /** The cached predictions, or why a cache of this review's weights and data cannot be used. */
    public PredictionCache.CacheRead readPredictions() {
        ReviewDefinition d = definition();
        return PredictionCache.read(predictionsDir(), d.model().weightsSha256(), d.data().fingerprint());
    }

    /** Saves the predictions as made by this review's model on its data. */
    public void savePredictions(PredictionTable t) {
        ReviewDefinition d = definition();
        PredictionCache.save(predictionsDir(), t, d.model().weightsSha256(), d.data().fingerprint());
    }

    /** Reviewer names become file names: letters, digits, '.', '_' and '-', at most 64, not starting with a dot. */
    public static String checkReviewer(String reviewer) {
        if (reviewer == null || !REVIEWER.matcher(reviewer).matches()) {
            throw new DefectLensException("invalid reviewer name '" + reviewer + "': use letters, digits, '.', '_' or "
                    + "'-' (at most 64), starting with a letter or digit");
        }
        return reviewer;
    }

    public Path dir() {
        return dir;
    }

    public ReviewDefinition definition() {
        return definition;
    }

    /** The data set's path, resolved against the review folder when relative. */
    public Path dataPath() {
        return dir.resolve(definition().data().path()).normalize();
    }

    /** The model bundle's folder, resolved against the review folder when relative. */
    public Path modelPath() {
        return dir.resolve(definition().model().path()).normalize();
    }

    public Path predictionsDir() {
        return dir.resolve(PREDICTIONS);
    }

    public Path decisionsDir() {
        return dir.resolve(DECISIONS);
    }

    /** The decisions journal of a reviewer ({@code decisions/<reviewer>.jsonl}). */
    public Path journalFile(String reviewer) {
        return decisionsDir().resolve(checkReviewer(reviewer) + ".jsonl");
    }

    /** Every reviewer's decisions journal in this review, in file-name order. */
    public List<Path> journals() {
        if (!Files.isDirectory(decisionsDir())) {
            return List.of();
        }
        try (Stream<Path> files = Files.list(decisionsDir())) {
            return files.filter(p -> p.getFileName().toString().endsWith(".jsonl") && Files.isRegularFile(p)).sorted()
                    .toList();
        } catch (IOException e) {
            throw new DefectLensException(decisionsDir(), "cannot list the decisions journals: " + e.getMessage(), e);
        }
    }
}
