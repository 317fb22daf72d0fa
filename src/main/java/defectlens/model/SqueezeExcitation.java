package defectlens.model;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.AbstractBlock;
import ai.djl.nn.Activation;
import ai.djl.nn.convolutional.Conv2d;
import ai.djl.training.ParameterStore;
import ai.djl.util.PairList;

/**
 * Squeeze-and-excitation: global average pool, 1x1 convolution to {@code squeeze} channels, SiLU,
 * 1x1 convolution back, sigmoid, channel-wise scaling of the input (torchvision's
 * {@code SqueezeExcitation} with SiLU; both convolutions carry a bias).
 */
final class SqueezeExcitation extends AbstractBlock {
    private final Conv2d reduce;
    private final Conv2d expand;

    SqueezeExcitation(int channels, int squeeze) {
        reduce = addChildBlock("reduce", conv1x1(squeeze));
        expand = addChildBlock("expand", conv1x1(channels));
    }

    private static Conv2d conv1x1(int filters) {
        return Conv2d.builder().setKernelShape(new Shape(1, 1)).setFilters(filters).optBias(true).build();
    }

    @Override
    protected NDList forwardInternal(ParameterStore store, NDList inputs, boolean training,
            PairList<String, Object> params) {
        NDArray x = inputs.singletonOrThrow();
        NDArray pooled = x.mean(new int[] {3}, true).mean(new int[] {2}, true);
        NDArray s = reduce.forward(store, new NDList(pooled), training).singletonOrThrow();
        s = ConvNormActivation.silu(s);
        s = expand.forward(store, new NDList(s), training).singletonOrThrow();
        return new NDList(x.mul(Activation.sigmoid(s)));
    }

    @Override
    public Shape[] getOutputShapes(Shape[] inputShapes) {
        return inputShapes;
    }

    @Override
    protected void initializeChildBlocks(NDManager manager, DataType dataType, Shape... inputShapes) {
        Shape in = inputShapes[0];
        Shape pooled = new Shape(in.get(0), in.get(1), 1, 1);
        reduce.initialize(manager, dataType, pooled);
        expand.initialize(manager, dataType, reduce.getOutputShapes(new Shape[] {pooled}));
    }
}
