package defectlens.explain.metrics;

import defectlens.core.Progress;
import defectlens.explain.Explainer;
import defectlens.explain.Heatmap;
import defectlens.image.ImageRaster;
import defectlens.model.SplitClassifier;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;

/**
 * The sanity checks reviewers ask of saliency maps, as Quantus runs them:
 * <ul>
 * <li>cascading model-parameter randomisation (Adebayo et al., NeurIPS 2018): the weights of a second copy of the
 * model are drawn again layer by layer from the output back to the input, and after every step each method's
 * map of each image is compared with its map of the trained model (SSIM and Spearman rank correlation of the
 * normalised maps on a 64 x 64 grid). A method whose maps stay alike is not explaining the model;</li>
 * <li>the random-logit test (Sixt et al., ICML 2020): the map of the explained class against the map of a random
 * other class; maps that do not depend on the class say nothing about it.</li>
 * </ul>
 * A method "changes" when, with every layer randomised, its mean SSIM or mean |Spearman| to the trained model's
 * maps is below {@value #CHANGED_BELOW}.
 */
public final class SanityChecks {
    /** Side of the grid maps are compared on. */
    public static final int SIDE = 64;
    /** Similarity under which a method's maps count as changed. */
    public static final double CHANGED_BELOW = 0.5;

    /** One cascade step: the layer randomised last (every earlier step's layer stays random) and per method SSIM / Spearman. */
    public record Step(String layer, Map<String, MetricSummary> ssim, Map<String, MetricSummary> spearman) {
    }

    /** The random-logit test of one method. */
    public record RandomLogit(String method, MetricSummary ssim, MetricSummary spearman) {
    }

    /** Both checks over {@code images} images. */
    public record Report(int images, List<Step> cascade, List<RandomLogit> randomLogit) {
        /** Whether the method's maps changed once every layer was randomised (see the class comment). */
        public boolean changed(String method) {
            if (cascade.isEmpty()) {
                return false;
            }
            Step last = cascade.get(cascade.size() - 1);
            return last.ssim().get(method).mean() < CHANGED_BELOW
                    || Math.abs(last.spearman().get(method).mean()) < CHANGED_BELOW;
        }
    }

    private SanityChecks() {
    }

    /**
     * Runs both checks.
     *
     * @param model   the trained model, split at the explained layer
     * @param copy    a second, independent copy of it (same split) whose weights are randomised in place
     * @param targets per image the class to explain ({@link Explainer#PREDICTED} allowed)
     */
    public static Report run(SplitClassifier model, SplitClassifier copy, Map<String, Explainer> methods,
            List<ImageRaster> images, List<Integer> targets, long seed, Progress progress) {
        List<String> layers = copy.randomizableLayers();
        int total = images.size() * (layers.size() + 1);
        int done = 0;
        Map<String, List<float[]>> reference = new LinkedHashMap<>();
        Map<String, List<Integer>> classes = new LinkedHashMap<>();
        Map<String, List<Double>> logitSsim = new LinkedHashMap<>();
        Map<String, List<Double>> logitRho = new LinkedHashMap<>();
        SplittableRandom rnd = new SplittableRandom(seed);
        int classCount = model.classes().size();
        for (String m : methods.keySet()) {
            reference.put(m, new ArrayList<>());
            classes.put(m, new ArrayList<>());
            logitSsim.put(m, new ArrayList<>());
            logitRho.put(m, new ArrayList<>());
        }
        for (int i = 0; i < images.size(); i++) {
            progress.throwIfCancelled("sanity checks");
            int other = -1;
            for (Map.Entry<String, Explainer> e : methods.entrySet()) {
                Heatmap h = e.getValue().explain(model, images.get(i), targets.get(i));
                float[] ref = grid(h);
                reference.get(e.getKey()).add(ref);
                classes.get(e.getKey()).add(h.targetClass());
                if (classCount > 1) {
                    if (other < 0) {
                        other = (h.targetClass() + 1 + rnd.nextInt(classCount - 1)) % classCount;
                    }
                    float[] alt = grid(e.getValue().explain(model, images.get(i), other));
                    logitSsim.get(e.getKey()).add(MapSimilarity.ssim(ref, alt, SIDE, SIDE));
                    logitRho.get(e.getKey()).add(MapSimilarity.spearman(ref, alt));
                }
            }
            progress.update(++done, total, "sanity: trained model, " + (i + 1) + " images");
        }
        List<Step> steps = new ArrayList<>();
        for (int s = 0; s < layers.size(); s++) {
            copy.randomizeLayer(layers.get(s), seed + 1 + s);
            Map<String, MetricSummary> ssim = new LinkedHashMap<>();
            Map<String, MetricSummary> rho = new LinkedHashMap<>();
            Map<String, List<Double>> ss = new LinkedHashMap<>();
            Map<String, List<Double>> rs = new LinkedHashMap<>();
            methods.keySet().forEach(m -> {
                ss.put(m, new ArrayList<>());
                rs.put(m, new ArrayList<>());
            });
            for (int i = 0; i < images.size(); i++) {
                progress.throwIfCancelled("sanity checks");
                for (Map.Entry<String, Explainer> e : methods.entrySet()) {
                    String m = e.getKey();
                    float[] now = grid(e.getValue().explain(copy, images.get(i), classes.get(m).get(i)));
                    ss.get(m).add(MapSimilarity.ssim(reference.get(m).get(i), now, SIDE, SIDE));
                    rs.get(m).add(MapSimilarity.spearman(reference.get(m).get(i), now));
                }
                progress.update(++done, total, "sanity: randomised down to " + layers.get(s));
            }
            methods.keySet().forEach(m -> {
                ssim.put(m, MetricSummary.of(ss.get(m)));
                rho.put(m, MetricSummary.of(rs.get(m)));
            });
            steps.add(new Step(layers.get(s), ssim, rho));
        }
        List<RandomLogit> logit = new ArrayList<>();
        for (String m : methods.keySet()) {
            logit.add(new RandomLogit(m, MetricSummary.of(logitSsim.get(m)), MetricSummary.of(logitRho.get(m))));
        }
        return new Report(images.size(), steps, logit);
    }

    private static float[] grid(Heatmap h) {
        return MapSimilarity.shrink(h.normalized(), h.width(), h.height(), SIDE);
    }
}
