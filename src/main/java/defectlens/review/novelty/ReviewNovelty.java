package defectlens.review.novelty;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import defectlens.core.DefectLensException;
import defectlens.core.OutputFile;
import defectlens.core.Progress;
import defectlens.image.NpyFile;
import defectlens.review.PredictionCache;
import defectlens.review.ReviewDefinition;
import defectlens.review.ReviewFolder;
import defectlens.review.ReviewJson;
import defectlens.review.ReviewKind;
import defectlens.review.embedding.EmbeddingLayer;
import defectlens.review.embedding.EmbeddingRun;
import defectlens.review.embedding.WaferEmbedder;
import defectlens.wafer.WaferDataset;
import defectlens.wafer.WaferModel;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Optional;

/**
 * The novelty scores of a review's items, kept beside its cached predictions in {@code <review>/novelty/}: the
 * score the model bundle's novelty fit chose ({@link NoveltyStore}) for every item ({@code scores.npy}, float32,
 * NaN = not scored yet) with the fit's held-out threshold, and {@code meta.json} (model weights SHA-256, data
 * fingerprint, SHA-256 of the fit's {@code novelty.json}, score, threshold, CRC-32C of the scores). Like the
 * predictions it is used only for the same weights, data and fit, and only when the scores match their checksum;
 * other weights, changed data or a new fit start it empty. Scores are never made up: without a fit there are none.
 *
 * @param scores per item, higher = less like the model's training data (NaN: not scored)
 * @param score which novelty score these are
 * @param threshold above it an item is flagged as novel (chosen by the fit on held-out items)
 */
public record ReviewNovelty(float[] scores, NoveltyScore score, double threshold) {
    public static final String FOLDER = "novelty";
    static final String SCORES = "scores.npy";
    static final String META = "meta.json";

    /** What meta.json holds. */
    @JsonIgnoreProperties(ignoreUnknown = true)
    record Meta(int format, String modelSha256, String dataFingerprint, String fitSha256, String layer,
            NoveltyScore score, double threshold, int items, int scored, String scoresCrc32c) {
    }

    /** Whether item {@code i} is scored and above the threshold. */
    public boolean flagged(int i) {
        return !Float.isNaN(scores[i]) && scores[i] > threshold;
    }

    /** Items scored so far. */
    public int scoredCount() {
        int n = 0;
        for (float s : scores) {
            n += Float.isNaN(s) ? 0 : 1;
        }
        return n;
    }

    /** Items above the threshold. */
    public int flaggedCount() {
        int n = 0;
        for (int i = 0; i < scores.length; i++) {
            n += flagged(i) ? 1 : 0;
        }
        return n;
    }

    /**
     * The novelty fit of the review's model for its weights; an error saying how to make one when the bundle has
     * none (or only one of other weights).
     */
    public static NoveltyStore.Stored requireFit(ReviewFolder f) {
        ReviewDefinition d = f.definition();
        Optional<NoveltyStore.Stored> fit = NoveltyStore.load(f.modelPath(), d.model().weightsSha256());
        if (fit.isEmpty()) {
            throw new DefectLensException(f.modelPath(), "the model bundle has no novelty fit for its weights, so "
                    + "there are no novelty scores: run 'review novelty --fit --model " + f.modelPath()
                    + " --data <its training " + (d.kind() == ReviewKind.SEM ? "data set" : "file") + ">' first");
        }
        return fit.get();
    }

    /** Whether the review's model bundle has a novelty fit for its weights. */
    public static boolean hasFit(ReviewFolder f) {
        return NoveltyStore.load(f.modelPath(), f.definition().model().weightsSha256()).isPresent();
    }

    /** The scores kept in the review folder for its weights, data and the bundle's fit as they are now. */
    public static Optional<ReviewNovelty> load(ReviewFolder f) {
        Path dir = f.dir().resolve(FOLDER);
        Path metaFile = dir.resolve(META);
        if (!Files.isRegularFile(metaFile)) {
            return Optional.empty();
        }
        Meta m;
        try {
            m = ReviewJson.PRETTY.readValue(metaFile.toFile(), Meta.class);
        } catch (IOException e) {
            throw new DefectLensException(metaFile, "cannot read the novelty scores' description: " + e.getMessage(),
                    e);
        }
        ReviewDefinition d = f.definition();
        if (m == null || !d.model().weightsSha256().equals(m.modelSha256())
                || !d.data().fingerprint().equals(m.dataFingerprint()) || !fitSha(f).equals(m.fitSha256())) {
            return Optional.empty();
        }
        byte[] bytes;
        try {
            bytes = Files.isRegularFile(dir.resolve(SCORES)) ? Files.readAllBytes(dir.resolve(SCORES)) : null;
        } catch (IOException e) {
            throw new DefectLensException(dir.resolve(SCORES), "cannot read the novelty scores: " + e.getMessage(), e);
        }
        if (bytes == null || !PredictionCache.crc32c(bytes).equals(m.scoresCrc32c())) {
            return Optional.empty(); // damaged or torn: scored again
        }
        float[] scores = NpyFile.decode(dir.resolve(SCORES), bytes).data();
        if (scores.length != m.items()) {
            throw new DefectLensException(metaFile, "the novelty scores do not match their description ("
                    + scores.length + " scores for " + m.items() + " items)");
        }
        return Optional.of(new ReviewNovelty(scores, m.score(), m.threshold()));
    }

    /** Saves the scores as made by the review's model, on its data, with the bundle's fit as it is now. */
    void save(ReviewFolder f, String layer) {
        Path dir = f.dir().resolve(FOLDER);
        try {
            Files.createDirectories(dir);
        } catch (IOException e) {
            throw OutputFile.problem(dir, e);
        }
        byte[] bytes = NpyFile.encode(scores, scores.length);
        ReviewDefinition d = f.definition();
        Meta m = new Meta(1, d.model().weightsSha256(), d.data().fingerprint(), fitSha(f), layer, score, threshold,
                scores.length, scoredCount(), PredictionCache.crc32c(bytes));
        OutputFile.write(dir.resolve(SCORES), true, out -> out.write(bytes));
        OutputFile.write(dir.resolve(META), true, out -> ReviewJson.PRETTY.writeValue(out, m));
    }

    private static String fitSha(ReviewFolder f) {
        Path info = f.modelPath().resolve(NoveltyStore.FOLDER).resolve(NoveltyStore.INFO);
        try {
            return Files.isRegularFile(info) ? PredictionCache.sha256(Files.readAllBytes(info)) : "none";
        } catch (IOException e) {
            throw new DefectLensException(info, "cannot read the novelty fit: " + e.getMessage(), e);
        }
    }

    /**
     * The threshold of the fit's chosen score, after checking that the fit has one and that the data set holds as
     * many items ({@code noun}) as the review.
     */
    static double checkedThreshold(ReviewFolder f, NoveltyStore.Stored fit, int items, String noun) {
        NoveltyScore chosen = fit.info().chosen();
        Double threshold = fit.model().thresholds().get(chosen);
        if (threshold == null) {
            throw new DefectLensException(f.modelPath().resolve(NoveltyStore.FOLDER).resolve(NoveltyStore.INFO),
                    "the novelty fit has no threshold for its chosen score " + chosen);
        }
        if (items != f.definition().data().items()) {
            throw new DefectLensException(f.dataPath(), "holds " + items + " " + noun + ", the review "
                    + f.definition().data().items());
        }
        return threshold;
    }

    /**
     * Scores the review's maps that have no novelty score yet with the fit's chosen score (embedding each map at
     * the fit's layer, saved every few seconds and at the end; a cancel keeps what is done) and returns all scores.
     *
     * @param model the review's wafer model (its weights are the fit's)
     */
    public static ReviewNovelty scoreMissing(ReviewFolder f, WaferModel model, WaferDataset data,
            NoveltyStore.Stored fit, Progress progress) {
        NoveltyScore chosen = fit.info().chosen();
        double threshold = checkedThreshold(f, fit, data.size(), "maps");
        float[] scores = load(f).filter(n -> n.scores().length == data.size()).map(n -> n.scores().clone())
                .orElseGet(() -> {
                    float[] s = new float[data.size()];
                    Arrays.fill(s, Float.NaN);
                    return s;
                });
        ReviewNovelty out = new ReviewNovelty(scores, chosen, threshold);
        EmbeddingLayer layer = EmbeddingLayer.ofKey(fit.info().layer());
        WaferEmbedder embedder = new WaferEmbedder(model, layer.averageOverSymmetries());
        EmbeddingRun.batches(embedder, data, null, i -> !Float.isNaN(scores[i]), (rows, e) -> {
            double[] s = fit.model().scores(e)[chosen.ordinal()];
            for (int k = 0; k < rows.length; k++) {
                scores[rows[k]] = (float) s[k];
            }
        }, () -> out.save(f, layer.key()), progress);
        return out;
    }
}
