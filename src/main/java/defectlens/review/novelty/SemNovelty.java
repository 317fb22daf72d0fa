package defectlens.review.novelty;

import defectlens.core.DefectLensException;
import defectlens.core.Progress;
import defectlens.dataset.SemDataset;
import defectlens.model.SplitClassifier;
import defectlens.review.ReviewFolder;
import defectlens.review.embedding.EmbeddingLayer;
import defectlens.review.embedding.EmbeddingTable;
import defectlens.review.embedding.Embedded;
import defectlens.review.embedding.SemSimilarity;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.stream.IntStream;

/**
 * Novelty of SEM images under a SEM classifier: the fit on the labelled images of the model's training data set
 * (a seeded, per-class split: the larger part fits the scorer, the held-out part chooses the thresholds), optionally
 * with a second data set whose images all count as novel (images of another source, to measure how well each score
 * tells them apart), and the scores of a review's images. The embeddings are the model's pooled features at its
 * explanation split ({@link SemSimilarity}, cached per data set and weights); unreadable images get no score.
 */
public final class SemNovelty {
    /** Share of each class's images held out to choose the thresholds. */
    public static final double HELD_OUT = 0.2;

    private SemNovelty() {
    }

    /** The images a fit learns from and the held-out ones its thresholds are chosen on, in data-set order. */
    public record Split(int[] training, int[] heldOut) {
    }

    /**
     * A seeded split per class of the images labelled with one of {@code classes} that have an embedding: a share
     * {@code heldOut} of each class (at least one image when the class has two or more) is held out.
     */
    public static Split split(SemDataset data, EmbeddingTable table, List<String> classes, double heldOut, long seed) {
        List<Integer> training = new ArrayList<>();
        List<Integer> held = new ArrayList<>();
        SplittableRandom random = new SplittableRandom(seed);
        for (String c : classes) {
            int[] rows = IntStream.range(0, data.size())
                    .filter(i -> c.equals(data.samples().get(i).label()) && table.isDone(i)).toArray();
            for (int i = rows.length - 1; i > 0; i--) {
                int j = random.nextInt(i + 1);
                int t = rows[i];
                rows[i] = rows[j];
                rows[j] = t;
            }
            int h = rows.length < 2 ? 0 : Math.max(1, (int) Math.round(rows.length * heldOut));
            for (int k = 0; k < rows.length; k++) {
                (k < h ? held : training).add(rows[k]);
            }
        }
        return new Split(sorted(training), sorted(held));
    }

    /**
     * For each of {@code rows}: true = labelled with a class the model does not know, false = known, null =
     * unlabelled.
     */
    public static Boolean[] truth(SemDataset data, int[] rows, List<String> classes) {
        Boolean[] out = new Boolean[rows.length];
        for (int k = 0; k < rows.length; k++) {
            String label = data.samples().get(rows[k]).label();
            out[k] = label == null ? null : !classes.contains(label);
        }
        return out;
    }

    /**
     * Fits the scorer on the training part of {@code split}, chooses the thresholds on its held-out part and
     * measures every score's AUROC on the held-out images plus, when {@code novel} is given, all embedded images of
     * that table counted as novel.
     *
     * @param novel embeddings of images of another source (every embedded one counts as novel), or null
     */
    public static NoveltyCalibration.Calibrated fit(SemDataset data, EmbeddingTable table, Split split,
            EmbeddingTable novel, String modelSha, EmbeddingLayer layer, NoveltyScore chosen, double falseAlarms,
            int k, Map<String, Object> fittedOn) {
        List<String> classes = table.classes();
        if (split.training().length == 0 || split.heldOut().length == 0) {
            throw new DefectLensException(data.root(), "has no labelled images of the model's classes "
                    + classes + " to fit the novelty scores on and choose their thresholds (each class needs two)");
        }
        int[] labels = Arrays.stream(split.training()).map(i -> classes.indexOf(data.samples().get(i).label()))
                .toArray();
        Evaluation e = withNovel(table.rows(split.heldOut()), truth(data, split.heldOut(), classes), novel);
        return NoveltyCalibration.calibrate(table.rows(split.training()).vectors(), labels, classes, e.items(),
                e.truth(), modelSha, layer, chosen, falseAlarms, k, fittedOn);
    }

    /** Items to score with their truth (true = novel, false = known, null = unknown). */
    public record Evaluation(Embedded items, Boolean[] truth) {
    }

    /**
     * The items {@code own} with their {@code truth}, followed by every embedded image of {@code novel} counted as
     * novel (images of another source); {@code own} alone when {@code novel} is null.
     */
    public static Evaluation withNovel(Embedded own, Boolean[] truth, EmbeddingTable novel) {
        if (novel == null) {
            return new Evaluation(own, truth);
        }
        int[] rows = IntStream.range(0, novel.size()).filter(novel::isDone).toArray();
        Boolean[] all = Arrays.copyOf(truth, truth.length + rows.length);
        Arrays.fill(all, truth.length, all.length, Boolean.TRUE);
        return new Evaluation(concat(own, novel.rows(rows)), all);
    }

    /**
     * The novelty scores of every image of a SEM review with the fit's chosen score (the embeddings are computed
     * where the user's cache has none; a cancel throws the core's cancellation and keeps them), saved in the
     * review folder. Unreadable images stay unscored (NaN).
     */
    public static ReviewNovelty scoreReview(ReviewFolder f, SplitClassifier model, SemDataset data,
            NoveltyStore.Stored fit, Progress progress) {
        NoveltyScore chosen = fit.info().chosen();
        double threshold = ReviewNovelty.checkedThreshold(f, fit, data.size(), "images");
        EmbeddingTable table = SemSimilarity.open(model, f.modelPath(), data, progress).table();
        float[] scores = new float[data.size()];
        Arrays.fill(scores, Float.NaN);
        int[] done = IntStream.range(0, table.size()).filter(table::isDone).toArray();
        double[] s = fit.model().scores(table.rows(done))[chosen.ordinal()];
        for (int k = 0; k < done.length; k++) {
            scores[done[k]] = (float) s[k];
        }
        ReviewNovelty out = new ReviewNovelty(scores, chosen, threshold);
        out.save(f, fit.info().layer());
        return out;
    }

    private static Embedded concat(Embedded a, Embedded b) {
        return new Embedded(join(a.vectors(), b.vectors()), join(a.logits(), b.logits()),
                join(a.probabilities(), b.probabilities()));
    }

    private static float[][] join(float[][] a, float[][] b) {
        float[][] out = Arrays.copyOf(a, a.length + b.length);
        System.arraycopy(b, 0, out, a.length, b.length);
        return out;
    }

    private static int[] sorted(List<Integer> rows) {
        return rows.stream().mapToInt(Integer::intValue).sorted().toArray();
    }
}
