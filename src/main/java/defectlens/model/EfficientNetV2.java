package defectlens.model;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.AbstractBlock;
import ai.djl.nn.Block;
import ai.djl.nn.Parameter;
import ai.djl.nn.SequentialBlock;
import ai.djl.nn.core.Linear;
import ai.djl.nn.norm.Dropout;
import ai.djl.training.ParameterStore;
import ai.djl.training.initializer.NormalInitializer;
import ai.djl.training.initializer.XavierInitializer;
import ai.djl.util.PairList;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * EfficientNetV2 (Tan and Le, 2021) from DJL blocks, laid out like torchvision's
 * {@code efficientnet_v2_*}: {@code features} = stem (3x3 stride-2 conv, BN, SiLU), the stages of
 * Fused-MBConv and MBConv blocks, and the final 1x1 conv ({@value #SPLIT_LAYER}, BN, SiLU);
 * {@code head} = global average pool, dropout, linear. The split between the two is where GradCAM and
 * CRAFT read activations. Input channels (1 for a gray stem, 3 for ImageNet weights) come from the
 * input shape given to {@link #initialize}.
 */
public final class EfficientNetV2 extends AbstractBlock {
    /** The last layer of {@code features}: the final 1x1 convolution after the last stage. */
    public static final String SPLIT_LAYER = "final_conv";

    private final EfficientNetV2Config config;
    private final int classes;
    private final SequentialBlock features;
    private final SequentialBlock head;
    private final Map<String, Block> layers = new LinkedHashMap<>();

    public EfficientNetV2(EfficientNetV2Config config, int classes) {
        if (classes < 1) {
            throw new IllegalArgumentException("classes must be at least 1: " + classes);
        }
        this.config = config;
        this.classes = classes;
        SequentialBlock f = new SequentialBlock();
        f.add(named("stem", ConvNormActivation.of(config.stemChannels(), 3, 2, 1, true)));
        int total = config.totalBlocks();
        int blockId = 0;
        for (int s = 0; s < config.stages().size(); s++) {
            StageSpec spec = config.stages().get(s);
            SequentialBlock stage = new SequentialBlock();
            for (int i = 0; i < spec.layers(); i++) {
                int in = i == 0 ? spec.inChannels() : spec.outChannels();
                int stride = i == 0 ? spec.stride() : 1;
                int dilation = i == 0 ? 1 : spec.dilation();
                float drop = config.stochasticDepth() * blockId / total;
                stage.add(spec.fused()
                        ? FusedMBConv.block(spec.expandRatio(), spec.kernel(), stride, dilation, in, spec.outChannels(),
                                drop)
                        : MBConv.block(spec.expandRatio(), spec.kernel(), stride, dilation, in, spec.outChannels(),
                                drop));
                blockId++;
            }
            f.add(named("stage" + (s + 1), stage));
        }
        f.add(named(SPLIT_LAYER, ConvNormActivation.of(config.lastChannels(), 1, 1, 1, true)));
        SequentialBlock h = new SequentialBlock();
        h.add(list -> new NDList(globalAveragePool(list.singletonOrThrow())), "global_avg_pool");
        h.add(named("dropout", Dropout.builder().optRate(config.dropout()).build()));
        Linear classifier = Linear.builder().setUnits(classes).build();
        h.add(named("classifier", classifier));
        features = addChildBlock("features", f);
        head = addChildBlock("head", h);
        setInitializer(new XavierInitializer(XavierInitializer.RandomType.GAUSSIAN,
                XavierInitializer.FactorType.OUT, 2f), Parameter.Type.WEIGHT);
        classifier.setInitializer(new NormalInitializer(0.01f), Parameter.Type.WEIGHT);
    }

    private <B extends Block> B named(String name, B block) {
        layers.put(name, block);
        return block;
    }

    static NDArray globalAveragePool(NDArray x) {
        return x.mean(new int[] {3}).mean(new int[] {2});
    }

    public EfficientNetV2Config config() {
        return config;
    }

    public int classes() {
        return classes;
    }

    /** Input pixels per cell of the final feature map: the stem's stride times every stage's. */
    public int totalStride() {
        int out = 2;
        for (StageSpec spec : config.stages()) {
            out *= spec.stride();
        }
        return out;
    }

    /** Stem, stages and final 1x1 convolution: (N, C, H, W) to (N, lastChannels, H/s, W/s), s the total stride. */
    public SequentialBlock features() {
        return features;
    }

    /** Global average pool, dropout, linear: feature maps to logits. */
    public SequentialBlock head() {
        return head;
    }

    /** Layer names in order: {@code stem}, {@code stage1} ..., {@value #SPLIT_LAYER}, {@code dropout}, {@code classifier}. */
    public List<String> layerNames() {
        return Collections.unmodifiableList(new ArrayList<>(layers.keySet()));
    }

    /** The block called {@code name} (see {@link #layerNames()}). */
    public Block layer(String name) {
        Block b = layers.get(name);
        if (b == null) {
            throw new IllegalArgumentException("no layer '" + name + "' in " + config.name() + ": " + layers.keySet());
        }
        return b;
    }

    /** The name of one of the feature part's direct blocks ({@code stem}, {@code stage1} ...). */
    String nameOf(Block block) {
        for (Map.Entry<String, Block> e : layers.entrySet()) {
            if (e.getValue() == block) {
                return e.getKey();
            }
        }
        throw new IllegalArgumentException("a block that is not a named layer of " + config.name());
    }

    /**
     * The feature part's direct blocks ({@code stem}, {@code stage1} ... {@value #SPLIT_LAYER}) with the
     * size of their output for {@code input}, computed from shapes alone.
     */
    public List<ExplainableLayer> explainableLayers(InputSpec input) {
        List<ExplainableLayer> out = new ArrayList<>();
        Shape shape = new Shape(1, input.channels(), input.height(), input.width());
        for (var child : features.getChildren()) {
            shape = child.getValue().getOutputShapes(new Shape[] {shape})[0];
            out.add(new ExplainableLayer(nameOf(child.getValue()), (int) shape.get(1), (int) shape.get(2),
                    (int) shape.get(3)));
        }
        return out;
    }

    /** Number of trainable values (BatchNorm running statistics excluded, as torchvision counts). */
    public long trainableParameterCount() {
        long n = 0;
        for (var p : getParameters()) {
            Parameter param = p.getValue();
            if (param.requiresGradient()) {
                n += param.getShape().size();
            }
        }
        return n;
    }

    @Override
    protected NDList forwardInternal(ParameterStore store, NDList inputs, boolean training,
            PairList<String, Object> params) {
        NDList maps = features.forward(store, inputs, training, params);
        return head.forward(store, maps, training, params);
    }

    @Override
    public Shape[] getOutputShapes(Shape[] inputShapes) {
        return head.getOutputShapes(features.getOutputShapes(inputShapes));
    }

    @Override
    protected void initializeChildBlocks(NDManager manager, DataType dataType, Shape... inputShapes) {
        features.initialize(manager, dataType, inputShapes);
        head.initialize(manager, dataType, features.getOutputShapes(inputShapes));
    }
}
