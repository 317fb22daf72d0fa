package defectlens.review.novelty;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import java.util.List;
import java.util.Map;

/**
 * What {@code <bundle>/novelty/novelty.json} says about a fitted scorer: the weights and embedding layer it was
 * fitted for (a fit of other weights is not used), the model's classes, k, the score chosen as "the" novelty
 * score, the false-alarm rate its thresholds were chosen for on held-out known items, the thresholds, where the
 * fit came from, the AUROC of each score on the held-out evaluation rows (NaN when it had no novel rows), and what
 * the drift view compares a data set with (null in fits made before it was kept).
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record NoveltyInfo(int format, String modelSha256, String layer, List<String> classes, int k,
        NoveltyScore chosen, double falseAlarms, Map<NoveltyScore, Double> thresholds, Map<String, Object> fittedOn,
        Map<NoveltyScore, Double> heldOutAuroc, DriftReference reference) {

    /** The same description with this drift reference. */
    public NoveltyInfo withReference(DriftReference r) {
        return new NoveltyInfo(format, modelSha256, layer, classes, k, chosen, falseAlarms, thresholds, fittedOn,
                heldOutAuroc, r);
    }
}
