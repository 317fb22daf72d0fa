package defectlens.model;

import java.util.List;

/**
 * What a model expects as input: channels (1 for a gray stem, 3 for ImageNet-initialised weights, gray
 * replicated), height and width, and per-channel normalisation {@code (x - mean) / std} applied to
 * values in [0, 1]. Read from and written to {@code model.json}.
 */
public record InputSpec(int channels, int height, int width, List<Float> mean, List<Float> std) {
    public InputSpec {
        if (channels != 1 && channels != 3) {
            throw new IllegalArgumentException("input channels must be 1 or 3: " + channels);
        }
        if (mean.size() != channels || std.size() != channels) {
            throw new IllegalArgumentException("mean and std need one value per channel (" + channels + ")");
        }
        mean = List.copyOf(mean);
        std = List.copyOf(std);
    }

    /** ImageNet normalisation for 3-channel input of the given square size. */
    public static InputSpec imagenet(int size) {
        return new InputSpec(3, size, size, List.of(0.485f, 0.456f, 0.406f), List.of(0.229f, 0.224f, 0.225f));
    }

    /** Gray 1-channel input scaled to [-1, 1]. */
    public static InputSpec gray(int size) {
        return new InputSpec(1, size, size, List.of(0.5f), List.of(0.5f));
    }
}
