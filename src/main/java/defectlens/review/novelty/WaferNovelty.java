package defectlens.review.novelty;

import defectlens.core.Progress;
import defectlens.review.embedding.EmbeddingCache;
import defectlens.review.embedding.EmbeddingLayer;
import defectlens.review.embedding.EmbeddingTable;
import defectlens.review.embedding.WaferEmbedder;
import defectlens.wafer.WaferDataset;
import defectlens.wafer.WaferModel;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Novelty of wafer maps under a wafer model, the steps the CLI and the window share: embeddings of the rows asked
 * for (cached, resumable), the fit on the model's training rows with thresholds chosen on its held-out rows, the
 * scores of any rows, and each score's AUROC where labels tell known from novel.
 */
public final class WaferNovelty {
    private WaferNovelty() {
    }

    /**
     * The embeddings of {@code rows} (null: all) of {@code data}: the cached ones, the missing ones computed (saved
     * every few seconds, so a cancel keeps them). Rows not asked for may stay empty. A null {@code cacheDir}: no
     * cache, everything computed.
     */
    public static EmbeddingTable embeddings(WaferModel model, EmbeddingLayer layer, WaferDataset data, int[] rows,
            Path cacheDir, String modelSha, String dataFingerprint, Progress progress) {
        return EmbeddingCache.wafer(new WaferEmbedder(model, layer.averageOverSymmetries()), layer, data, rows,
                cacheDir, modelSha, dataFingerprint, progress);
    }

    /** The rows a model was trained on: labelled with one of its classes and not held out. */
    public static int[] trainingRows(WaferDataset data, List<String> classes, List<Integer> heldOut) {
        Set<String> known = Set.copyOf(classes);
        boolean[] held = new boolean[data.size()];
        heldOut.forEach(i -> held[i] = true);
        return java.util.stream.IntStream.range(0, data.size())
                .filter(i -> !held[i] && NoveltyRows.isKnown(data, i, known)).toArray();
    }

    /**
     * The evaluation rows, in data-set order: the held-out rows and the rows of classes the model does not know
     * (a seeded random sample of at most {@code maxNovel} of them).
     */
    public static int[] evaluationRows(WaferDataset data, List<String> classes, List<Integer> heldOut, int maxNovel,
            long seed) {
        List<Integer> rows = new ArrayList<>(heldOut);
        int[] novel = NoveltyRows.novel(data, classes);
        java.util.SplittableRandom random = new java.util.SplittableRandom(seed);
        int m = Math.min(maxNovel, novel.length);
        for (int i = 0; i < m; i++) {
            int j = i + random.nextInt(novel.length - i);
            int t = novel[i];
            novel[i] = novel[j];
            novel[j] = t;
            rows.add(novel[i]);
        }
        return rows.stream().mapToInt(Integer::intValue).sorted().distinct().toArray();
    }

    /** What a fit made and how its scores did on the evaluation rows. */
    public record Fit(NoveltyModel model, NoveltyInfo info, int[] evaluationRows, double[][] scores, Boolean[] truth) {
    }

    /**
     * Fits the scorer on the embeddings of {@code training} rows, scores the {@code evaluation} rows, chooses each
     * score's threshold on the known ones among them (the {@code 1 - falseAlarms} quantile) and measures every
     * score's AUROC there ({@link NoveltyCalibration}).
     */
    public static Fit fit(EmbeddingTable table, WaferDataset data, int[] training, int[] evaluation, String modelSha,
            EmbeddingLayer layer, NoveltyScore chosen, double falseAlarms, int k, Map<String, Object> fittedOn) {
        List<String> classes = table.classes();
        int[] labels = new int[training.length];
        for (int t = 0; t < training.length; t++) {
            labels[t] = classes.indexOf(data.get(training[t]).label());
        }
        NoveltyCalibration.Calibrated c = NoveltyCalibration.calibrate(table.rows(training).vectors(), labels,
                classes, table.rows(evaluation), NoveltyRows.truth(data, evaluation, classes), modelSha, layer,
                chosen, falseAlarms, k, fittedOn);
        return new Fit(c.model(), c.info(), evaluation, c.scores(), c.truth());
    }

    /**
     * The drift of the maps of {@code data} against the model's training data: each map embedded at the fit's
     * layer and scored with the fit's chosen score, batch by batch without keeping the embeddings (any file size),
     * and its predicted class from the same pass. A cancel throws the core's cancellation.
     */
    public static NoveltyDrift drift(WaferModel model, WaferDataset data, NoveltyStore.Stored fit, Path fitFile,
            Progress progress) {
        NoveltyScore chosen = fit.info().chosen();
        float[] scores = new float[data.size()];
        int[] predicted = new int[data.size()];
        java.util.Arrays.fill(scores, Float.NaN);
        java.util.Arrays.fill(predicted, -1);
        EmbeddingLayer layer = EmbeddingLayer.ofKey(fit.info().layer());
        defectlens.review.embedding.EmbeddingRun.batches(new WaferEmbedder(model, layer.averageOverSymmetries()),
                data, null, i -> predicted[i] >= 0, (rows, e) -> {
                    double[] s = fit.model().scores(e)[chosen.ordinal()];
                    for (int k = 0; k < rows.length; k++) {
                        scores[rows[k]] = (float) s[k];
                        predicted[rows[k]] = defectlens.wafer.WaferPredictions.argMax(e.probabilities()[k]);
                    }
                }, () -> { }, progress);
        progress.throwIfCancelled("scoring the maps");
        return NoveltyDrift.of(scores, predicted, fit.info(), fitFile);
    }
}
