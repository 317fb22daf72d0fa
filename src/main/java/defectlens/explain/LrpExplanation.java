package defectlens.explain;

import java.util.List;

/**
 * One LRP explanation of one input.
 *
 * @param relevance the input relevance, row-major in the input's shape without the batch axis
 * @param inputShape that shape, e.g. {@code [1, 64, 64]}
 * @param logits the network's outputs
 * @param predictedClass the index of the largest logit
 * @param explainedClass the index whose logit was explained
 * @param composite the rule set's name
 * @param layerSums the relevance total at the input of every layer, input first, then after each layer
 *     from the bottom up (the last entry is the explained logit): where relevance is absorbed or created
 */
public record LrpExplanation(
        float[] relevance, long[] inputShape, float[] logits, int predictedClass, int explainedClass, String composite,
        List<LayerSum> layerSums) {
    /** The relevance total entering a layer, by the layer's name. */
    public record LayerSum(String layer, double sum) {
    }

    public LrpExplanation {
        layerSums = List.copyOf(layerSums);
    }

    /** The explained logit, where relevance starts. */
    public double explainedLogit() {
        return logits[explainedClass];
    }

    /** The sum of the input relevance. */
    public double relevanceSum() {
        double s = 0;
        for (float v : relevance) {
            s += v;
        }
        return s;
    }

    /** Input relevance total over the explained logit (1 = conserved). */
    public double conservation() {
        return relevanceSum() / explainedLogit();
    }
}
