package defectlens.explain.lrp;

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

    /**
     * The explanation of the mean of several networks' logits (an ensemble): LRP is linear in the relevance
     * it starts from, so relevance, logits and layer totals are the means of the members' (which must have the
     * same input shape, explained class and layers). {@code predictedClass} is the ensemble's answer, given by
     * the caller (it averages probabilities, not logits).
     */
    public static LrpExplanation mean(List<LrpExplanation> members, int predictedClass) {
        LrpExplanation first = members.get(0);
        int n = members.size();
        float[] relevance = new float[first.relevance.length];
        float[] logits = new float[first.logits.length];
        double[] sums = new double[first.layerSums.size()];
        for (LrpExplanation m : members) {
            if (m.explainedClass != first.explainedClass || m.relevance.length != relevance.length
                    || m.layerSums.size() != sums.length) {
                throw new IllegalArgumentException("ensemble explanations differ in class, input or layers");
            }
            for (int i = 0; i < relevance.length; i++) {
                relevance[i] += m.relevance[i] / n;
            }
            for (int i = 0; i < logits.length; i++) {
                logits[i] += m.logits[i] / n;
            }
            for (int i = 0; i < sums.length; i++) {
                sums[i] += m.layerSums.get(i).sum() / n;
            }
        }
        List<LayerSum> layers = new java.util.ArrayList<>();
        for (int i = 0; i < sums.length; i++) {
            layers.add(new LayerSum(first.layerSums.get(i).layer(), sums[i]));
        }
        return new LrpExplanation(relevance, first.inputShape, logits, predictedClass, first.explainedClass,
                first.composite, layers);
    }
}
