package defectlens.model;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.nn.Block;
import ai.djl.training.ParameterStore;
import java.util.List;

/**
 * A DJL-native EfficientNetV2 split at another layer than its own: {@code features} runs the blocks of
 * the network's feature part up to and including the chosen one, {@code head} runs the rest of them and
 * the network's head. Logits are those of the whole network; the view borrows the classifier's weights.
 */
final class EfficientNetV2LayerSplit implements SplitClassifier {
    private final EfficientNetV2Classifier whole;
    private final List<Block> before;
    private final List<Block> after;
    private final String layer;
    private final ParameterStore store;

    EfficientNetV2LayerSplit(EfficientNetV2Classifier whole, String layer, List<Block> before, List<Block> after,
            ParameterStore store) {
        this.whole = whole;
        this.layer = layer;
        this.before = List.copyOf(before);
        this.after = List.copyOf(after);
        this.store = store;
    }

    @Override
    public List<String> classes() {
        return whole.classes();
    }

    @Override
    public InputSpec input() {
        return whole.input();
    }

    @Override
    public String splitLayer() {
        return layer;
    }

    @Override
    public NDArray features(NDArray input) {
        return run(before, input);
    }

    @Override
    public NDArray head(NDArray features) {
        return whole.head(run(after, features));
    }

    private NDArray run(List<Block> blocks, NDArray x) {
        NDList list = new NDList(x);
        for (Block b : blocks) {
            list = b.forward(store, list, false);
        }
        return list.singletonOrThrow();
    }

    @Override
    public InputSpec cropInput(int side) {
        return whole.cropInput(side);
    }

    @Override
    public SlidingWindow slidingWindow() {
        return whole.slidingWindow();
    }

    /** The whole network's logits (for a windowed model: classified by its windows). */
    @Override
    public NDArray logits(NDArray input) {
        return whole.logits(input);
    }

    @Override
    public List<ExplainableLayer> explainableLayers() {
        return whole.explainableLayers();
    }

    @Override
    public SplitClassifier splitAt(String other) {
        return whole.splitAt(other);
    }

    @Override
    public List<String> randomizableLayers() {
        return whole.randomizableLayers();
    }

    @Override
    public void randomizeLayer(String name, long seed) {
        whole.randomizeLayer(name, seed);
    }

    /** Closes nothing: the weights belong to the whole classifier. */
    @Override
    public void close() {
        // a view: the classifier it came from owns the weights
    }
}
