package defectlens.explain.metrics;

import defectlens.core.Progress;
import defectlens.explain.Explainer;
import defectlens.explain.Heatmap;
import defectlens.image.BinaryMask;
import defectlens.image.ImageRaster;
import defectlens.model.SplitClassifier;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Measures explanation methods against expert masks over many images, as the seed study's results
 * table does: per method the mean and standard deviation of pixel Accuracy, Precision, Recall, Dice
 * and IoU of the thresholded map, the pointing-game hit rate and, when curves are asked for, the
 * deletion and insertion areas, Quantus's localisation metrics ({@link LocalisationMetrics}) and the
 * correlation between every pair of methods' maps ({@link MethodCorrelations}). Images with an empty mask are skipped; degenerate maps are counted
 * and scored as the empty prediction they are.
 */
public final class ExplanationEvaluator {
    /** One image to evaluate on: its mask and the class to explain ({@link Explainer#PREDICTED} allowed). */
    public record Case(String id, ImageRaster image, BinaryMask mask, int targetClass) {
    }

    /** The results of one method (localisation metrics: {@link LocalisationMetrics}). */
    public record MethodResult(String method, int images, int degenerate, MetricSummary accuracy,
            MetricSummary precision, MetricSummary recall, MetricSummary dice, MetricSummary iou,
            double pointingGame, MetricSummary deletionAuc, MetricSummary insertionAuc, MetricSummary relevanceMass,
            MetricSummary relevanceRank, MetricSummary topK, MetricSummary auc) {
    }

    /** Told of every heatmap the evaluation makes, with its case (e.g. to measure more than the evaluator does). */
    @FunctionalInterface
    public interface Listener {
        void explained(Case c, String method, Heatmap heatmap);
    }

    /** Every method's results and how alike the methods' maps are. */
    public record Evaluation(List<MethodResult> methods, MethodCorrelations correlations) {
    }

    private final double threshold;
    private final FaithfulnessCurves curves;
    private final int pointingTolerance;
    private int topK = LocalisationMetrics.DEFAULT_TOP_K;
    private Listener listener = (c, m, h) -> { };

    /** With the pointing game's usual 15-pixel tolerance. */
    public ExplanationEvaluator(double threshold, FaithfulnessCurves curves) {
        this(threshold, curves, MaskAgreement.POINTING_TOLERANCE);
    }

    /**
     * @param curves            deletion/insertion settings, or null to skip those curves
     * @param pointingTolerance pixels between the map's maximum and the mask that still count as a hit
     */
    public ExplanationEvaluator(double threshold, FaithfulnessCurves curves, int pointingTolerance) {
        if (pointingTolerance < 0) {
            throw new IllegalArgumentException("pointing-game tolerance must be >= 0 pixels: " + pointingTolerance);
        }
        this.threshold = threshold;
        this.curves = curves;
        this.pointingTolerance = pointingTolerance;
    }

    /** The same evaluator with another k for the top-k intersection (default {@value LocalisationMetrics#DEFAULT_TOP_K}). */
    public ExplanationEvaluator withTopK(int k) {
        if (k < 1) {
            throw new IllegalArgumentException("top-k needs k >= 1: " + k);
        }
        topK = k;
        return this;
    }

    /** The same evaluator, telling {@code l} of every heatmap it makes. */
    public ExplanationEvaluator withListener(Listener l) {
        listener = l;
        return this;
    }

    public int pointingTolerance() {
        return pointingTolerance;
    }

    public double threshold() {
        return threshold;
    }

    /**
     * Runs every method on every case with a non-empty mask; {@code progress} counts images (as a share when the
     * cases are a collection) and stops the run between images when cancelled.
     */
    public List<MethodResult> evaluate(SplitClassifier model, Map<String, Explainer> methods, Iterable<Case> cases,
            Progress progress) {
        return evaluateAll(model, methods, cases, progress).methods();
    }

    /** As {@link #evaluate}, with the correlations between every pair of methods' maps. */
    public Evaluation evaluateAll(SplitClassifier model, Map<String, Explainer> methods, Iterable<Case> cases,
            Progress progress) {
        MethodCorrelations correlations = new MethodCorrelations(List.copyOf(methods.keySet()));
        int total = cases instanceof java.util.Collection<?> all ? all.size() : -1;
        Map<String, Acc> acc = new LinkedHashMap<>();
        methods.keySet().forEach(m -> acc.put(m, new Acc()));
        int seen = 0;
        for (Case c : cases) {
            progress.throwIfCancelled("evaluation after " + seen + " images");
            if (c.mask().isEmpty()) {
                continue;
            }
            List<float[]> maps = new ArrayList<>();
            for (Map.Entry<String, Explainer> e : methods.entrySet()) {
                Heatmap h = e.getValue().explain(model, c.image(), c.targetClass());
                listener.explained(c, e.getKey(), h);
                Acc a = acc.get(e.getKey());
                float[] map = fit(h, c.mask()).normalized();
                maps.add(map);
                a.mass.add(LocalisationMetrics.relevanceMassAccuracy(map, c.mask()));
                a.rank.add(LocalisationMetrics.relevanceRankAccuracy(map, c.mask()));
                a.topK.add(LocalisationMetrics.topKIntersection(map, c.mask(), topK));
                double auc = LocalisationMetrics.auc(map, c.mask());
                if (!Double.isNaN(auc)) {
                    a.auc.add(auc);
                }
                PixelAgreement p = MaskAgreement.of(h, c.mask(), threshold);
                a.accuracy.add(p.accuracy());
                a.precision.add(p.precision());
                a.recall.add(p.recall());
                a.dice.add(p.dice());
                a.iou.add(p.iou());
                a.hits += MaskAgreement.pointingGameHit(h, c.mask(), pointingTolerance) ? 1 : 0;
                a.degenerate += h.isDegenerate() ? 1 : 0;
                if (curves != null) {
                    FaithfulnessCurves.Result r = curves.measure(model, c.image(), h);
                    a.deletion.add(r.deletionAuc());
                    a.insertion.add(r.insertionAuc());
                }
            }
            correlations.add(maps);
            seen++;
            progress.update(seen, total, seen + " images");
        }
        List<MethodResult> out = new ArrayList<>();
        for (Map.Entry<String, Acc> e : acc.entrySet()) {
            Acc a = e.getValue();
            int n = a.accuracy.size();
            out.add(new MethodResult(e.getKey(), n, a.degenerate, MetricSummary.of(a.accuracy),
                    MetricSummary.of(a.precision), MetricSummary.of(a.recall), MetricSummary.of(a.dice),
                    MetricSummary.of(a.iou), n == 0 ? Double.NaN : (double) a.hits / n, MetricSummary.of(a.deletion),
                    MetricSummary.of(a.insertion), MetricSummary.of(a.mass), MetricSummary.of(a.rank),
                    MetricSummary.of(a.topK), MetricSummary.of(a.auc)));
        }
        return new Evaluation(out, correlations);
    }

    private static Heatmap fit(Heatmap h, BinaryMask mask) {
        return h.width() == mask.width() && h.height() == mask.height() ? h : h.atSize(mask.width(), mask.height());
    }

    private static final class Acc {
        final List<Double> accuracy = new ArrayList<>();
        final List<Double> precision = new ArrayList<>();
        final List<Double> recall = new ArrayList<>();
        final List<Double> dice = new ArrayList<>();
        final List<Double> iou = new ArrayList<>();
        final List<Double> deletion = new ArrayList<>();
        final List<Double> insertion = new ArrayList<>();
        final List<Double> mass = new ArrayList<>();
        final List<Double> rank = new ArrayList<>();
        final List<Double> topK = new ArrayList<>();
        final List<Double> auc = new ArrayList<>();
        int hits;
        int degenerate;
    }
}
