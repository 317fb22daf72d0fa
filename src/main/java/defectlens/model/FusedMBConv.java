package defectlens.model;

import ai.djl.nn.SequentialBlock;

/**
 * Fused-MBConv (Tan and Le, 2021): the expansion and depthwise convolutions of MBConv fused into one
 * regular k x k convolution with SiLU, then a 1x1 projection; at expansion ratio 1 a single k x k
 * convolution with SiLU. No squeeze-and-excitation.
 */
final class FusedMBConv {
    private FusedMBConv() {
    }

    /** A block whose k x k convolution is dilated by {@code dilation}. */
    static InvertedResidual block(int expandRatio, int kernel, int stride, int dilation, int in, int out,
            float dropProbability) {
        int expanded = Channels.makeDivisible(in * expandRatio, 8);
        SequentialBlock path = new SequentialBlock();
        if (expanded != in) {
            path.add(ConvNormActivation.of(expanded, kernel, stride, dilation, 1, true));
            path.add(ConvNormActivation.of(out, 1, 1, 1, false));
        } else {
            path.add(ConvNormActivation.of(out, kernel, stride, dilation, 1, true));
        }
        return new InvertedResidual(path, stride == 1 && in == out, dropProbability);
    }
}
