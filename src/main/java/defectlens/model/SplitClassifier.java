package defectlens.model;

import ai.djl.ndarray.NDArray;
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

    /** Name of the layer where the network is split, e.g. {@code stage6} or {@code features}. */
    String splitLayer();

    /** Normalised input batch (N, C, H, W) to feature maps (N, K, h, w) at the split layer. */
    NDArray features(NDArray input);

    /** Feature maps (N, K, h, w) to logits (N, classes). */
    NDArray head(NDArray features);

    /** Logits of a normalised input batch: {@code head(features(input))}. */
    default NDArray logits(NDArray input) {
        return head(features(input));
    }

    @Override
    void close();
}
