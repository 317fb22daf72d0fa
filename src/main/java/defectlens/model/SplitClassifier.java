package defectlens.model;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import defectlens.core.DefectLensException;
import java.util.Arrays;
import java.util.List;

/**
 * An image classifier cut at its split layer into {@code features} and {@code head}: the shape that
 * GradCAM and CRAFT need (activations and gradients at the split). DJL-native EfficientNetV2 bundles
 * and imported TorchScript bundles ({@code features.pt} + {@code head.pt}) both implement it.
 *
 * <p>Both methods must be callable inside a DJL {@code GradientCollector} so that gradients flow to a
 * feature map marked with {@code setRequiresGradient(true)} (TorchScript modules are loaded with
 * {@code trainParam=true} and run with {@code training=true}, see docs/sem-models.md). They never switch
 * BatchNorm or dropout to training behaviour. Arrays returned are attached to the input's manager.
 */
public interface SplitClassifier extends AutoCloseable {
    /** Class names in logit order. */
    List<String> classes();

    /** Input size, channels and normalisation. */
    InputSpec input();

    /**
     * The input a square crop of {@code side} pixels is fed at (CRAFT's crops): {@link #input()} by default, so
     * crops are resized to the model's input as in Fel et al.; a model trained on native-resolution windows takes
     * them as they are.
     */
    default InputSpec cropInput(int side) {
        return input();
    }

    /** Name of the layer where the network is split, e.g. {@code stage6} or {@code features}. */
    String splitLayer();

    /** Normalised input batch (N, C, H, W) to feature maps (N, K, h, w) at the split layer. */
    NDArray features(NDArray input);

    /** Feature maps (N, K, h, w) to logits (N, classes). */
    NDArray head(NDArray features);

    /**
     * The layers this model can be split at for an explanation, shallow to deep, with their map sizes for
     * {@link #input()}. By default only {@link #splitLayer()}, measured with one forward pass of a blank input.
     */
    default List<ExplainableLayer> explainableLayers() {
        InputSpec in = input();
        try (NDManager m = NDManager.newBaseManager()) {
            long[] s = features(m.zeros(new Shape(1, in.channels(), in.height(), in.width())))
                    .getShape().getShape();
            if (s.length != 4) {
                throw new DefectLensException("split layer " + splitLayer() + " gives a map of shape "
                        + Arrays.toString(s) + ", (N, K, h, w) expected");
            }
            return List.of(new ExplainableLayer(splitLayer(), (int) s[1], (int) s[2], (int) s[3]));
        }
    }

    /**
     * This model split at {@code layer} (one of {@link #explainableLayers()}): the same logits, with
     * {@code features} ending at that layer. The view shares this model's weights; closing it closes nothing.
     *
     * @throws DefectLensException when the model has no such layer
     */
    default SplitClassifier splitAt(String layer) {
        if (splitLayer().equals(layer)) {
            return this;
        }
        throw new DefectLensException("the model has no explainable layer '" + layer + "'; its layers: "
                + explainableLayers().stream().map(ExplainableLayer::name).toList());
    }

    /**
     * The layers whose weights {@link #randomizeLayer} can draw again, from the output back to the input (the
     * order of a cascading model-parameter randomisation, Adebayo et al. 2018); empty when the model cannot.
     */
    default List<String> randomizableLayers() {
        return List.of();
    }

    /**
     * Replaces the trainable weights of {@code layer} in place by random values of the same per-tensor mean and
     * standard deviation (BatchNorm running statistics are kept), for sanity checks of explanations. Views made by
     * {@link #splitAt} share the change.
     *
     * @throws UnsupportedOperationException when the model cannot ({@link #randomizableLayers()} is empty)
     */
    default void randomizeLayer(String layer, long seed) {
        throw new UnsupportedOperationException("this model's weights cannot be randomised");
    }

    /** How a model trained on crops classifies a frame by its windows; null for a whole-image model. */
    default SlidingWindow slidingWindow() {
        return null;
    }

    /** Logits of a normalised input batch: {@code head(features(input))}. */
    default NDArray logits(NDArray input) {
        return head(features(input));
    }

    @Override
    void close();
}
