package defectlens.explain.lrp;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Block;
import ai.djl.training.ParameterStore;
import defectlens.core.DefectLensException;
import java.util.ArrayList;
import java.util.List;

/**
 * Layer-wise relevance propagation over an initialised DJL block: a forward pass through the canonized
 * layers ({@link LrpCanonizer}) storing every activation, then relevance from the explained logit down to
 * the input, each layer by the rule its {@link LrpComposite} gives it. Before propagating, the layer-wise
 * forward pass is checked against the block's own output, so a network the canonizer misread stops with
 * an error instead of giving a wrong map. Every explanation runs under its own {@link NDManager}.
 * Not thread-safe (PyTorch autograd state is per thread; use one explainer per thread).
 */
public final class LrpExplainer implements AutoCloseable {
    private static final double FORWARD_TOLERANCE = 1e-3;

    private final Block block;
    private final Shape inputShape;
    private final NDManager manager;
    private final List<LrpLayer> layers;

    /**
     * An explainer of {@code block} for one input of {@code sampleShape} (without batch axis, e.g.
     * {@code (1, 64, 64)}); its canonized parameters live in a sub-manager of {@code base}.
     */
    public LrpExplainer(Block block, Shape sampleShape, NDManager base) {
        this(block, sampleShape, base, List.of());
    }

    /** As {@link #LrpExplainer(Block, Shape, NDManager)}, with {@code extraRules} for the network's own block types. */
    public LrpExplainer(Block block, Shape sampleShape, NDManager base, List<LrpBlockRule> extraRules) {
        this.block = block;
        this.inputShape = new Shape(1).addAll(sampleShape);
        this.manager = base.newSubManager();
        try {
            this.layers = List.copyOf(LrpCanonizer.canonize(block, inputShape, manager, extraRules));
        } catch (RuntimeException e) {
            manager.close();
            throw e;
        }
    }

    public List<LrpLayer> layers() {
        return layers;
    }

    /** Explains the logit {@code classIndex} (or the predicted class when negative) of one input. */
    public LrpExplanation explain(float[] input, int classIndex, LrpComposite composite) {
        if (input.length != inputShape.size()) {
            throw new IllegalArgumentException("input has " + input.length + " values, the network takes " + inputShape);
        }
        try (NDManager work = manager.newSubManager()) {
            NDArray x = work.create(input, inputShape);
            List<NDArray> activations = new ArrayList<>(layers.size() + 1);
            activations.add(x);
            for (LrpLayer layer : layers) {
                activations.add(layer.forward(activations.get(activations.size() - 1)));
            }
            NDArray logitsArray = activations.get(layers.size());
            checkForward(x, logitsArray);
            float[] logits = logitsArray.toFloatArray();
            int predicted = argMax(logits);
            int explained = classIndex < 0 ? predicted : classIndex;
            if (explained >= logits.length) {
                throw new DefectLensException("class index " + classIndex + " is outside the network's "
                        + logits.length + " outputs");
            }
            float[] start = new float[logits.length];
            start[explained] = logits[explained];
            NDArray relevance = work.create(start, logitsArray.getShape());
            int first = firstRuleLayer();
            List<LrpExplanation.LayerSum> sums = new ArrayList<>();
            sums.add(new LrpExplanation.LayerSum("output", logits[explained]));
            for (int i = layers.size() - 1; i >= 0; i--) {
                LrpLayer layer = layers.get(i);
                LrpRule rule = composite.ruleFor(layer, i == first);
                relevance = layer.relevance(activations.get(i), relevance, rule);
                sums.add(new LrpExplanation.LayerSum(layer.name() + (rule == null ? "" : " [" + rule.label() + "]"),
                        relevance.sum().getFloat()));
            }
            long[] sample = new long[inputShape.dimension() - 1];
            for (int d = 1; d < inputShape.dimension(); d++) {
                sample[d - 1] = inputShape.get(d);
            }
            return new LrpExplanation(relevance.toFloatArray(), sample, logits, predicted, explained, composite.name(),
                    reverse(sums));
        }
    }

    private int firstRuleLayer() {
        for (int i = 0; i < layers.size(); i++) {
            if (layers.get(i).kind().needsRule()) {
                return i;
            }
        }
        return -1;
    }

    private void checkForward(NDArray x, NDArray logits) {
        NDManager m = x.getManager();
        NDArray reference = block.forward(new ParameterStore(m, false), new NDList(x), false).singletonOrThrow();
        float diff = reference.sub(logits).abs().max().getFloat();
        float scale = Math.max(1f, reference.abs().max().getFloat());
        if (!(diff <= FORWARD_TOLERANCE * scale)) {
            throw new DefectLensException("the LRP layers do not reproduce the network's output (max difference "
                    + diff + "): the network has a layer LRP misreads");
        }
    }

    private static List<LrpExplanation.LayerSum> reverse(List<LrpExplanation.LayerSum> sums) {
        List<LrpExplanation.LayerSum> out = new ArrayList<>(sums);
        java.util.Collections.reverse(out);
        return out;
    }

    static int argMax(float[] v) {
        int best = 0;
        for (int i = 1; i < v.length; i++) {
            if (v[i] > v[best]) {
                best = i;
            }
        }
        return best;
    }

    @Override
    public void close() {
        manager.close();
    }
}
