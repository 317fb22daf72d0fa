package defectlens.model;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.AbstractBlock;
import ai.djl.nn.SequentialBlock;
import ai.djl.training.ParameterStore;
import ai.djl.util.PairList;

/**
 * One EfficientNetV2 block (MBConv or Fused-MBConv): its convolution path, and when stride is 1 and
 * channels are kept, the identity shortcut with stochastic depth ("row" mode: whole samples of the
 * residual branch are dropped with probability {@code dropProbability} and survivors rescaled, in
 * training only).
 */
final class InvertedResidual extends AbstractBlock {
    private final SequentialBlock path;
    private final boolean shortcut;
    private final float dropProbability;

    InvertedResidual(SequentialBlock path, boolean shortcut, float dropProbability) {
        this.path = addChildBlock("path", path);
        this.shortcut = shortcut;
        this.dropProbability = dropProbability;
    }

    boolean hasShortcut() {
        return shortcut;
    }

    float dropProbability() {
        return dropProbability;
    }

    @Override
    protected NDList forwardInternal(ParameterStore store, NDList inputs, boolean training,
            PairList<String, Object> params) {
        NDArray x = inputs.singletonOrThrow();
        NDArray y = path.forward(store, inputs, training).singletonOrThrow();
        if (!shortcut) {
            return new NDList(y);
        }
        if (training && dropProbability > 0f) {
            float survival = 1f - dropProbability;
            NDArray keep = x.getManager().randomUniform(0f, 1f, new Shape(x.getShape().get(0), 1, 1, 1))
                    .lt(survival).toType(y.getDataType(), false).div(survival);
            y = y.mul(keep);
        }
        return new NDList(x.add(y));
    }

    @Override
    public Shape[] getOutputShapes(Shape[] inputShapes) {
        return path.getOutputShapes(inputShapes);
    }

    @Override
    protected void initializeChildBlocks(NDManager manager, DataType dataType, Shape... inputShapes) {
        path.initialize(manager, dataType, inputShapes);
    }
}
