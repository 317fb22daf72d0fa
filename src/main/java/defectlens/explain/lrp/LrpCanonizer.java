package defectlens.explain.lrp;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Block;
import ai.djl.nn.LambdaBlock;
import ai.djl.nn.Parameter;
import ai.djl.nn.SequentialBlock;
import ai.djl.nn.convolutional.Conv2d;
import ai.djl.nn.core.Linear;
import ai.djl.nn.norm.BatchNorm;
import ai.djl.training.ParameterStore;
import defectlens.core.DefectLensException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Turns an initialised DJL {@link SequentialBlock} into the layer list LRP walks, with BatchNorm brought
 * into a form the rules can handle.
 *
 * <p><b>BatchNorm.</b> The usual canonizer merges a BatchNorm into the convolution or dense layer right
 * before it. In the wafer networks the order is Conv -> ReLU -> BatchNorm -> MaxPool, so that merge would
 * move an affine map across the ReLU and change the function. Merging it into the FOLLOWING layer is not
 * exact either: the max-pool in between commutes with the affine map only where the scale is positive,
 * and the next convolution's zero padding would pad with 0 where the BatchNorm shift is not 0. So each
 * BatchNorm becomes its own per-channel affine layer ({@link LrpBatchNormLayer}, {@code a x + b}) whose
 * scale and shift are measured from the block itself in inference mode ({@code b = BN(0)},
 * {@code a = BN(1) - BN(0)}), and the composite gives it a rule (LRP-epsilon). Its shift absorbs relevance
 * as a bias does; the explanation reports how much ({@link LrpExplanation#layerSums()}).
 *
 * <p>Any block other than Conv2d, Linear, BatchNorm, the ReLU, maxPool2d and batchFlatten lambda blocks and
 * the blocks covered by the extra {@link LrpBlockRule}s given (the wafer networks' kernel-flip convolution)
 * stops with an error naming the layer.
 */
public final class LrpCanonizer {
    private LrpCanonizer() {
    }

    /** The layers of {@code block} for inputs of {@code inputShape}; derived arrays go to {@code manager}. */
    public static List<LrpLayer> canonize(Block block, Shape inputShape, NDManager manager) {
        return canonize(block, inputShape, manager, List.of());
    }

    /** As {@link #canonize(Block, Shape, NDManager)}, with {@code extraRules} for block types of a network's own. */
    public static List<LrpLayer> canonize(Block block, Shape inputShape, NDManager manager,
            List<LrpBlockRule> extraRules) {
        List<LrpLayer> layers = new ArrayList<>();
        add(block, inputShape, manager, layers, extraRules);
        return layers;
    }

    private static Shape add(Block block, Shape in, NDManager manager, List<LrpLayer> layers,
            List<LrpBlockRule> extraRules) {
        if (block instanceof SequentialBlock sequential) {
            Shape shape = in;
            for (Block child : sequential.getChildren().values()) {
                shape = add(child, shape, manager, layers, extraRules);
            }
            return shape;
        }
        Shape out = block.getOutputShapes(new Shape[] {in})[0];
        String name = layers.size() + ": " + describe(block);
        LrpLayer extra = extraLayer(name, block, extraRules);
        if (extra != null) {
            layers.add(extra);
        } else if (block instanceof Conv2d conv) {
            layers.add(LrpLinearLayer.convolution(name, param(block, "weight"), conv.isIncludeBias() ? param(block, "bias") : null,
                    conv.getStride(), conv.getPadding(), conv.getDilation(), conv.getGroups()));
        } else if (block instanceof Linear) {
            layers.add(LrpLinearLayer.dense(name, param(block, "weight"), param(block, "bias")));
        } else if (block instanceof BatchNorm) {
            layers.add(batchNorm(name, block, in, manager));
        } else if (block instanceof LambdaBlock lambda && "ReLU".equals(lambda.getName())) {
            layers.add(new LrpReluLayer(name));
        } else if (block instanceof LambdaBlock lambda && "batchFlatten".equals(lambda.getName())) {
            layers.add(new LrpFlattenLayer(name));
        } else if (block instanceof LambdaBlock lambda && "maxPool2d".equals(lambda.getName())) {
            layers.add(maxPool(name, in, out));
        } else {
            StringBuilder covered = new StringBuilder("Conv2d, ");
            extraRules.forEach(r -> covered.append(r.blockName()).append(", "));
            throw new DefectLensException("layer " + name + " has no LRP rule: LRP covers " + covered
                    + "Linear, BatchNorm, ReLU, maxPool2d and batchFlatten");
        }
        return out;
    }

    private static LrpLayer extraLayer(String name, Block block, List<LrpBlockRule> extraRules) {
        for (LrpBlockRule rule : extraRules) {
            LrpLayer layer = rule.layerFor(name, block);
            if (layer != null) {
                return layer;
            }
        }
        return null;
    }

    private static String describe(Block block) {
        if (block instanceof LambdaBlock lambda) {
            return lambda.getName();
        }
        StringBuilder s = new StringBuilder(block.getClass().getSimpleName());
        for (Map.Entry<String, Parameter> p : block.getParameters().toMap().entrySet()) {
            if (p.getValue().getType() == Parameter.Type.WEIGHT && p.getValue().isInitialized()) {
                s.append(' ').append(p.getValue().getArray().getShape());
            }
        }
        return s.toString();
    }

    /** The initialised parameter {@code key} of {@code block}; an error naming the layer when it has none. */
    public static NDArray param(Block block, String key) {
        Parameter p = block.getParameters().get(key);
        if (p == null || !p.isInitialized()) {
            throw new DefectLensException("layer " + describe(block) + " has no initialised parameter '" + key + "'");
        }
        return p.getArray();
    }

    private static LrpBatchNormLayer batchNorm(String name, Block block, Shape in, NDManager manager) {
        long channels = in.get(1);
        long[] dims = new long[in.dimension()];
        java.util.Arrays.fill(dims, 1L);
        dims[0] = 2;
        dims[1] = channels;
        NDArray probe = manager.zeros(new Shape(dims), DataType.FLOAT32);
        probe.set(new ai.djl.ndarray.index.NDIndex("1"), 1f);
        NDArray y = block.forward(new ParameterStore(manager, false), new NDList(probe), false).singletonOrThrow();
        NDArray shift = y.get(0).reshape(channels);
        NDArray scale = y.get(1).reshape(channels).sub(shift);
        return new LrpBatchNormLayer(name, scale, shift);
    }

    private static LrpMaxPoolLayer maxPool(String name, Shape in, Shape out) {
        long kh = in.get(2) / out.get(2);
        long kw = in.get(3) / out.get(3);
        if (kh * out.get(2) != in.get(2) || kw * out.get(3) != in.get(3)) {
            throw new DefectLensException("layer " + name + ": cannot read a non-overlapping pooling window from "
                    + in + " -> " + out);
        }
        Shape kernel = new Shape(kh, kw);
        return new LrpMaxPoolLayer(name, kernel, kernel);
    }
}
