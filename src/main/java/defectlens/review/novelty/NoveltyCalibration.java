package defectlens.review.novelty;

import defectlens.review.embedding.EmbeddingLayer;
import defectlens.review.embedding.Embedded;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The steps of a novelty fit that do not depend on the kind of data (wafer maps or SEM images): the scorer fitted
 * on the training items' embeddings and classes, every score of the evaluation items, each score's threshold chosen
 * on the known evaluation items (the {@code 1 - falseAlarms} quantile), each score's AUROC where the evaluation
 * items' truth (novel or known) is given, and the drift reference kept with the fit.
 */
public final class NoveltyCalibration {
    private NoveltyCalibration() {
    }

    /**
     * A fitted scorer with its thresholds and description, and how its scores did on the evaluation items.
     *
     * @param model the scorer with the chosen thresholds
     * @param info its description, as kept in the bundle
     * @param scores every score of every evaluation item, {@code [score.ordinal()][item]}
     * @param truth per evaluation item: true = novel, false = known, null = unknown
     */
    public record Calibrated(NoveltyModel model, NoveltyInfo info, double[][] scores, Boolean[] truth) {
    }

    /**
     * Fits the scorer on {@code trainingVectors} of classes {@code trainingLabels} (indices into {@code classes}),
     * scores {@code evaluation} and chooses the thresholds on its known items.
     *
     * @param fittedOn what the fit was made from (file names, fingerprints), kept in its description
     */
    public static Calibrated calibrate(float[][] trainingVectors, int[] trainingLabels, List<String> classes,
            Embedded evaluation, Boolean[] truth, String modelSha, EmbeddingLayer layer, NoveltyScore chosen,
            double falseAlarms, int k, Map<String, Object> fittedOn) {
        if (truth.length != evaluation.vectors().length) {
            throw new IllegalArgumentException(truth.length + " truths for " + evaluation.vectors().length + " items");
        }
        NoveltyModel m = NoveltyFit.fit(trainingVectors, trainingLabels, classes.size(), k, 0);
        double[][] scores = m.scores(evaluation);
        Map<NoveltyScore, Double> thresholds = new EnumMap<>(NoveltyScore.class);
        for (NoveltyScore s : NoveltyScore.values()) {
            thresholds.put(s, NoveltyFit.threshold(select(scores[s.ordinal()], truth, false), falseAlarms));
        }
        Map<String, Object> source = new LinkedHashMap<>(fittedOn);
        source.put("trainingRows", trainingVectors.length);
        source.put("evaluationRows", truth.length);
        source.put("novelRows", select(scores[0], truth, true).length);
        NoveltyInfo info = new NoveltyInfo(1, modelSha, layer.key(), classes, k, chosen, falseAlarms, thresholds,
                source, aurocs(scores, truth), DriftReference.of(scores, truth, trainingLabels, classes));
        return new Calibrated(m.withThresholds(thresholds), info, scores, truth);
    }

    /** Each score's AUROC over the items whose truth is known (novel = positive); NaN without both kinds. */
    public static Map<NoveltyScore, Double> aurocs(double[][] scores, Boolean[] truth) {
        Map<NoveltyScore, Double> out = new EnumMap<>(NoveltyScore.class);
        for (NoveltyScore s : NoveltyScore.values()) {
            List<Double> v = new ArrayList<>();
            List<Boolean> p = new ArrayList<>();
            for (int i = 0; i < truth.length; i++) {
                if (truth[i] != null && !Double.isNaN(scores[s.ordinal()][i])) {
                    v.add(scores[s.ordinal()][i]);
                    p.add(truth[i]);
                }
            }
            boolean[] pos = new boolean[p.size()];
            for (int i = 0; i < pos.length; i++) {
                pos[i] = p.get(i);
            }
            out.put(s, Auroc.of(v.stream().mapToDouble(Double::doubleValue).toArray(), pos));
        }
        return out;
    }

    /** The scores of the items whose truth is {@code novel}. */
    static double[] select(double[] scores, Boolean[] truth, boolean novel) {
        List<Double> out = new ArrayList<>();
        for (int i = 0; i < truth.length; i++) {
            if (truth[i] != null && truth[i] == novel) {
                out.add(scores[i]);
            }
        }
        return out.stream().mapToDouble(Double::doubleValue).toArray();
    }
}
