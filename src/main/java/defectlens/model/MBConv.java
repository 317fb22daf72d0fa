package defectlens.model;

import ai.djl.nn.SequentialBlock;

/**
 * MBConv (Sandler et al., as used by EfficientNetV2): 1x1 expansion with SiLU (skipped at ratio 1),
 * depthwise k x k convolution with SiLU, squeeze-and-excitation to a quarter of the block's input
 * channels, 1x1 projection without activation.
 */
final class MBConv {
    private MBConv() {
    }

    /** A block whose depthwise convolution is dilated by {@code dilation}. */
    static InvertedResidual block(int expandRatio, int kernel, int stride, int dilation, int in, int out,
            float dropProbability) {
        int expanded = Channels.makeDivisible(in * expandRatio, 8);
        SequentialBlock path = new SequentialBlock();
        if (expanded != in) {
            path.add(ConvNormActivation.of(expanded, 1, 1, 1, true));
        }
        path.add(ConvNormActivation.of(expanded, kernel, stride, dilation, expanded, true));
        path.add(new SqueezeExcitation(expanded, Math.max(1, in / 4)));
        path.add(ConvNormActivation.of(out, 1, 1, 1, false));
        return new InvertedResidual(path, stride == 1 && in == out, dropProbability);
    }
}
