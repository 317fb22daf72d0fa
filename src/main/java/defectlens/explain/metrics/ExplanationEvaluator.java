package defectlens.explain.metrics;

import defectlens.explain.Explainer;
import defectlens.explain.FitProgress;
import defectlens.explain.Heatmap;
import defectlens.image.BinaryMask;
import defectlens.image.ImageRaster;
import defectlens.model.SplitClassifier;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CancellationException;
import java.util.function.BooleanSupplier;

/**
 * Measures explanation methods against expert masks over many images, as the seed study's results
 * table does: per method the mean and standard deviation of pixel Accuracy, Precision, Recall, Dice
 * and IoU of the thresholded map, the pointing-game hit rate and, when curves are asked for, the
 * deletion and insertion areas. Images with an empty mask are skipped; degenerate maps are counted
 * and scored as the empty prediction they are.
 */
public final class ExplanationEvaluator {
    /** One image to evaluate on: its mask and the class to explain ({@link Explainer#PREDICTED} allowed). */
    public record Case(String id, ImageRaster image, BinaryMask mask, int targetClass) {
    }

    /** The results of one method. */
    public record MethodResult(String method, int images, int degenerate, MetricSummary accuracy,
            MetricSummary precision, MetricSummary recall, MetricSummary dice, MetricSummary iou,
            double pointingGame, MetricSummary deletionAuc, MetricSummary insertionAuc) {
    }

    private final double threshold;
    private final FaithfulnessCurves curves;
    private final int pointingTolerance;

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

    public int pointingTolerance() {
        return pointingTolerance;
    }

    public double threshold() {
        return threshold;
    }

    /** Runs every method on every case with a non-empty mask; {@code progress} counts images. */
    public List<MethodResult> evaluate(SplitClassifier model, Map<String, Explainer> methods, Iterable<Case> cases,
            FitProgress progress, BooleanSupplier cancelled) {
        Map<String, Acc> acc = new LinkedHashMap<>();
        methods.keySet().forEach(m -> acc.put(m, new Acc()));
        int seen = 0;
        for (Case c : cases) {
            if (cancelled.getAsBoolean()) {
                throw new CancellationException("evaluation cancelled after " + seen + " images");
            }
            if (c.mask().isEmpty()) {
                continue;
            }
            for (Map.Entry<String, Explainer> e : methods.entrySet()) {
                Heatmap h = e.getValue().explain(model, c.image(), c.targetClass());
                Acc a = acc.get(e.getKey());
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
            seen++;
            progress.report("images", seen);
        }
        List<MethodResult> out = new ArrayList<>();
        for (Map.Entry<String, Acc> e : acc.entrySet()) {
            Acc a = e.getValue();
            int n = a.accuracy.size();
            out.add(new MethodResult(e.getKey(), n, a.degenerate, MetricSummary.of(a.accuracy),
                    MetricSummary.of(a.precision), MetricSummary.of(a.recall), MetricSummary.of(a.dice),
                    MetricSummary.of(a.iou), n == 0 ? Double.NaN : (double) a.hits / n, MetricSummary.of(a.deletion),
                    MetricSummary.of(a.insertion)));
        }
        return out;
    }

    private static final class Acc {
        final List<Double> accuracy = new ArrayList<>();
        final List<Double> precision = new ArrayList<>();
        final List<Double> recall = new ArrayList<>();
        final List<Double> dice = new ArrayList<>();
        final List<Double> iou = new ArrayList<>();
        final List<Double> deletion = new ArrayList<>();
        final List<Double> insertion = new ArrayList<>();
        int hits;
        int degenerate;
    }
}
