package defectlens.model;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.nn.Block;
import ai.djl.training.ParameterStore;
import ai.djl.util.Pair;
import defectlens.core.DefectLensException;
import java.util.ArrayList;
import java.util.List;

/**
 * A DJL-native EfficientNetV2 as a {@link SplitClassifier}: {@code features} = stem, stages and the
 * final 1x1 conv; {@code head} = pool, dropout, linear. Always runs in inference mode (BatchNorm
 * running statistics, no dropout), also inside a gradient collector. Owns the manager of its weights.
 */
public final class EfficientNetV2Classifier implements SplitClassifier {
    private final NDManager weights;
    private final EfficientNetV2 network;
    private final List<String> classes;
    private final InputSpec input;
    private final ParameterStore store;

    EfficientNetV2Classifier(NDManager weights, EfficientNetV2 network, List<String> classes, InputSpec input) {
        this.weights = weights;
        this.network = network;
        this.classes = List.copyOf(classes);
        this.input = input;
        this.store = new ParameterStore(weights, false);
    }

    public EfficientNetV2 network() {
        return network;
    }

    @Override
    public List<String> classes() {
        return classes;
    }

    @Override
    public InputSpec input() {
        return input;
    }

    @Override
    public String splitLayer() {
        return EfficientNetV2.SPLIT_LAYER;
    }

    @Override
    public NDArray features(NDArray x) {
        return network.features().forward(store, new NDList(x), false).singletonOrThrow();
    }

    @Override
    public NDArray head(NDArray maps) {
        return network.head().forward(store, new NDList(maps), false).singletonOrThrow();
    }

    /** {@code stem}, {@code stage1} ... and {@value EfficientNetV2#SPLIT_LAYER}, with their map sizes. */
    @Override
    public List<ExplainableLayer> explainableLayers() {
        return network.explainableLayers(input);
    }

    @Override
    public SplitClassifier splitAt(String layer) {
        if (EfficientNetV2.SPLIT_LAYER.equals(layer)) {
            return this;
        }
        List<Block> before = new ArrayList<>();
        List<Block> after = new ArrayList<>();
        boolean found = false;
        for (Pair<String, Block> child : network.features().getChildren()) {
            (found ? after : before).add(child.getValue());
            found |= network.nameOf(child.getValue()).equals(layer);
        }
        if (!found) {
            throw new DefectLensException("the model has no explainable layer '" + layer + "'; its layers: "
                    + explainableLayers().stream().map(ExplainableLayer::name).toList());
        }
        return new EfficientNetV2LayerSplit(this, layer, before, after, store);
    }

    @Override
    public List<String> randomizableLayers() {
        List<String> out = new ArrayList<>();
        out.add("classifier");
        List<ExplainableLayer> layers = explainableLayers();
        for (int i = layers.size() - 1; i >= 0; i--) {
            out.add(layers.get(i).name());
        }
        return out;
    }

    @Override
    public void randomizeLayer(String layer, long seed) {
        if (!randomizableLayers().contains(layer)) {
            throw new DefectLensException("the model has no layer '" + layer + "' to randomise; its layers: "
                    + randomizableLayers());
        }
        WeightRandomization.redraw(network.layer(layer), seed);
    }

    @Override
    public void close() {
        weights.close();
    }
}
