package defectlens.model;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Activation;
import ai.djl.nn.SequentialBlock;
import ai.djl.nn.convolutional.Conv2d;
import ai.djl.nn.norm.BatchNorm;

/**
 * Convolution without bias, BatchNorm with torchvision's EfficientNet epsilon 1e-3 (momentum 0.1 in
 * PyTorch terms) and an optional SiLU: torchvision's {@code Conv2dNormActivation}.
 */
final class ConvNormActivation {
    static final float BATCH_NORM_EPSILON = 1e-3f;

    private ConvNormActivation() {
    }

    /** SiLU (swish with beta 1): {@code x * sigmoid(x)}. */
    static NDArray silu(NDArray x) {
        return Activation.swish(x, 1f);
    }

    static NDList silu(NDList x) {
        return new NDList(silu(x.singletonOrThrow()));
    }

    static SequentialBlock of(int outChannels, int kernel, int stride, int groups, boolean silu) {
        return of(outChannels, kernel, stride, 1, groups, silu);
    }

    /** As {@link #of(int, int, int, int, boolean)} with a dilated kernel, padded to keep the map's size. */
    static SequentialBlock of(int outChannels, int kernel, int stride, int dilation, int groups, boolean silu) {
        int pad = dilation * (kernel - 1) / 2;
        SequentialBlock block = new SequentialBlock()
                .add(Conv2d.builder()
                        .setKernelShape(new Shape(kernel, kernel))
                        .optStride(new Shape(stride, stride))
                        .optDilation(new Shape(dilation, dilation))
                        .optPadding(new Shape(pad, pad))
                        .optGroups(groups)
                        .optBias(false)
                        .setFilters(outChannels)
                        .build())
                .add(BatchNorm.builder().optEpsilon(BATCH_NORM_EPSILON).optMomentum(0.9f).build());
        if (silu) {
            block.add(ConvNormActivation::silu);
        }
        return block;
    }
}
