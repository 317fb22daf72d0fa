package defectlens.explain.lrp;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDArrays;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.types.Shape;

/**
 * The kernel-flip module (the wafer networks' {@code KernelFlipConv2d}): {@code y = max(conv(x, w) + b,
 * conv(x, flip(w)) + b)}, {@code flip} mirroring the kernel width.
 *
 * <p>Multi-branch LRP as Jeong et al. (2023) propose: the relevance of each output element goes to the
 * branch that won it (ties to the direct branch); the two branch relevances {@code [R_direct, R_mirror]}
 * and the two kernels {@code [w, flip(w)]} (biases {@code [b, b]}) are concatenated along the channel axis
 * and propagated in ONE step through a convolution with twice the output channels, so the input receives
 * one combined relevance. {@link #relevanceByBranch} computes the same thing branch by branch (each with
 * its own kernel, summed), the direct computation the tests compare against.
 */
public final class LrpKernelFlipLayer implements LrpLayer {
    private final String name;
    private final NDArray weight;
    private final NDArray bias;
    private final LrpLinearMap map;

    public LrpKernelFlipLayer(String name, NDArray weight, NDArray bias, Shape stride, Shape padding, Shape dilation) {
        this.name = name;
        this.weight = weight;
        this.bias = bias;
        this.map = LrpLinearMap.convolution(stride, padding, dilation, 1);
    }

    @Override
    public String name() {
        return name;
    }

    @Override
    public LrpLayerKind kind() {
        return LrpLayerKind.KERNEL_FLIP;
    }

    @Override
    public NDArray forward(NDArray x) {
        NDArray weight = LrpLayer.local(this.weight, x);
        NDArray bias = LrpLayer.local(this.bias, x);
        return map.apply(x, weight, bias).maximum(map.apply(x, weight.flip(3), bias));
    }

    /** 1 where the direct branch won an output element (ties included), 0 where the mirrored one did. */
    public NDArray directWins(NDArray x) {
        NDArray weight = LrpLayer.local(this.weight, x);
        NDArray bias = LrpLayer.local(this.bias, x);
        NDArray direct = map.apply(x, weight, bias);
        NDArray mirrored = map.apply(x, weight.flip(3), bias);
        return direct.gte(mirrored).toType(direct.getDataType(), false);
    }

    @Override
    public NDArray relevance(NDArray x, NDArray relevance, LrpRule rule) {
        NDArray weight = LrpLayer.local(this.weight, x);
        NDArray bias = LrpLayer.local(this.bias, x);
        NDArray direct = directWins(x);
        NDArray branches = NDArrays.concat(new NDList(relevance.mul(direct), relevance.mul(direct.neg().add(1f))), 1);
        NDArray kernels = NDArrays.concat(new NDList(weight, weight.flip(3)), 0);
        NDArray biases = bias == null ? null : NDArrays.concat(new NDList(bias, bias), 0);
        return rule.propagate(map, kernels, biases, x, branches);
    }

    /** The direct computation: each branch propagated with its own kernel, the two input relevances summed. */
    public NDArray relevanceByBranch(NDArray x, NDArray relevance, LrpRule rule) {
        NDArray weight = LrpLayer.local(this.weight, x);
        NDArray bias = LrpLayer.local(this.bias, x);
        NDArray direct = directWins(x);
        NDArray viaDirect = rule.propagate(map, weight, bias, x, relevance.mul(direct));
        NDArray viaMirror = rule.propagate(map, weight.flip(3), bias, x, relevance.mul(direct.neg().add(1f)));
        return viaDirect.add(viaMirror);
    }
}
