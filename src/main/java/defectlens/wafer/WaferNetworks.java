package defectlens.wafer;

import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Activation;
import ai.djl.nn.Block;
import ai.djl.nn.Blocks;
import ai.djl.nn.SequentialBlock;
import ai.djl.nn.convolutional.Conv2d;
import ai.djl.nn.core.Linear;
import ai.djl.nn.norm.BatchNorm;
import ai.djl.nn.pooling.Pool;

/**
 * The wafer CNN family of Jeong et al. (2023), built from DJL blocks. Input NCHW {@code (N, 1, 64, 64)}:
 * a wafer map or a sinogram brought to 64x64 by {@link WaferInputEncoder}. Output: class logits.
 *
 * <pre>
 * stage 1: Conv 16  3x3, stride 1, padding 1 -> ReLU -> BatchNorm -> MaxPool 2x2/2   64 -> 32
 * stage 2: Conv 64  3x3, stride 1, padding 1 -> ReLU -> BatchNorm -> MaxPool 2x2/2   32 -> 16
 *          (KernelFlipConv2d 64 3x3 in the kernel-flip and proposed variants)
 * stage 3: Conv 128 3x3, stride 1, padding 1 -> ReLU -> BatchNorm -> MaxPool 2x2/2   16 -> 8
 * stage 4: Conv 256 3x3, stride 1, padding 1 -> ReLU -> BatchNorm -> MaxPool 2x2/2    8 -> 4
 * head:    flatten (256 * 4 * 4 = 4096) -> FC 256 -> ReLU -> FC 128 -> ReLU -> FC classes
 * </pre>
 *
 * The paper gives neither kernel sizes nor padding; 3x3 with symmetric "same" padding keeps every stage's
 * halving to the pooling and keeps the kernel-flip block exactly flip-equivariant. The order
 * ReLU-then-BatchNorm follows the paper's transcription. No dropout. The same layers at other widths
 * ({@link WaferWidths}) make the distilled student.
 */
public final class WaferNetworks {
    /** Filters of the four convolution stages. */
    public static final int[] FILTERS = {16, 64, 128, 256};
    /** Widths of the two hidden fully connected layers. */
    public static final int[] HIDDEN = {256, 128};
    /** Convolution kernel side. */
    public static final int KERNEL = 3;
    /** The input shape of one sample, with batch 1. */
    public static final Shape INPUT_SHAPE = new Shape(1, 1, WaferInputEncoder.SIZE, WaferInputEncoder.SIZE);

    private WaferNetworks() {
    }

    /** The (uninitialised) network of a variant with {@code classes} outputs, at the paper's widths. */
    public static SequentialBlock build(WaferVariant variant, int classes) {
        return build(variant, classes, WaferWidths.PAPER);
    }

    /** The (uninitialised) network of a variant with {@code classes} outputs and the given layer widths. */
    public static SequentialBlock build(WaferVariant variant, int classes, WaferWidths widths) {
        if (classes < 2) {
            throw new IllegalArgumentException("a classifier needs at least 2 classes: " + classes);
        }
        SequentialBlock net = new SequentialBlock();
        for (int stage = 0; stage < widths.filters().size(); stage++) {
            boolean flip = stage == 1 && variant.kernelFlip();
            int filters = widths.filters().get(stage);
            net.add(flip ? new KernelFlipConv2d(filters, KERNEL) : conv(filters))
                    .add(Activation.reluBlock())
                    .add(BatchNorm.builder().build())
                    .add(Pool.maxPool2dBlock(new Shape(2, 2), new Shape(2, 2)));
        }
        net.add(Blocks.batchFlattenBlock());
        for (int width : widths.hidden()) {
            net.add(Linear.builder().setUnits(width).build()).add(Activation.reluBlock());
        }
        net.add(Linear.builder().setUnits(classes).build());
        return net;
    }

    private static Block conv(int filters) {
        return Conv2d.builder()
                .setFilters(filters)
                .setKernelShape(new Shape(KERNEL, KERNEL))
                .optStride(new Shape(1, 1))
                .optPadding(new Shape(KERNEL / 2, KERNEL / 2))
                .build();
    }
}
