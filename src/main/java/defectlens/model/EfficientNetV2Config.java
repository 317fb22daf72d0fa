package defectlens.model;

import defectlens.core.DefectLensException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * An EfficientNetV2 configuration: the stage table, the channels of the final 1x1 convolution, the
 * classifier dropout, the stochastic-depth probability (reached by the last block, growing linearly)
 * and the default input size. S, M and L follow torchvision's {@code efficientnet_v2_s/m/l} (Tan and
 * Le, 2021); {@code efficientnetv2-tiny} is a scaled-down variant that trains on two CPU cores.
 */
public record EfficientNetV2Config(String name, List<StageSpec> stages, int lastChannels, float dropout,
        float stochasticDepth, int defaultInputSize) {
    public EfficientNetV2Config {
        stages = List.copyOf(stages);
        if (stages.isEmpty()) {
            throw new IllegalArgumentException("an EfficientNetV2 needs at least one stage");
        }
    }

    public static final String S = "efficientnetv2-s";
    public static final String M = "efficientnetv2-m";
    public static final String L = "efficientnetv2-l";
    public static final String TINY = "efficientnetv2-tiny";
    public static final String TINY_OS16 = "efficientnetv2-tiny-os16";

    public static EfficientNetV2Config small() {
        return new EfficientNetV2Config(S, List.of(
                StageSpec.fusedMBConv(1, 3, 1, 24, 24, 2),
                StageSpec.fusedMBConv(4, 3, 2, 24, 48, 4),
                StageSpec.fusedMBConv(4, 3, 2, 48, 64, 4),
                StageSpec.mbConv(4, 3, 2, 64, 128, 6),
                StageSpec.mbConv(6, 3, 1, 128, 160, 9),
                StageSpec.mbConv(6, 3, 2, 160, 256, 15)), 1280, 0.2f, 0.2f, 384);
    }

    public static EfficientNetV2Config medium() {
        return new EfficientNetV2Config(M, List.of(
                StageSpec.fusedMBConv(1, 3, 1, 24, 24, 3),
                StageSpec.fusedMBConv(4, 3, 2, 24, 48, 5),
                StageSpec.fusedMBConv(4, 3, 2, 48, 80, 5),
                StageSpec.mbConv(4, 3, 2, 80, 160, 7),
                StageSpec.mbConv(6, 3, 1, 160, 176, 14),
                StageSpec.mbConv(6, 3, 2, 176, 304, 18),
                StageSpec.mbConv(6, 3, 1, 304, 512, 5)), 1280, 0.3f, 0.2f, 480);
    }

    public static EfficientNetV2Config large() {
        return new EfficientNetV2Config(L, List.of(
                StageSpec.fusedMBConv(1, 3, 1, 32, 32, 4),
                StageSpec.fusedMBConv(4, 3, 2, 32, 64, 7),
                StageSpec.fusedMBConv(4, 3, 2, 64, 96, 7),
                StageSpec.mbConv(4, 3, 2, 96, 192, 10),
                StageSpec.mbConv(6, 3, 1, 192, 224, 19),
                StageSpec.mbConv(6, 3, 2, 224, 384, 25),
                StageSpec.mbConv(6, 3, 1, 384, 640, 7)), 1280, 0.4f, 0.2f, 480);
    }

    /** Five short stages (two fused, two MBConv with squeeze-and-excitation), 256 final channels. */
    public static EfficientNetV2Config tiny() {
        return new EfficientNetV2Config(TINY, List.of(
                StageSpec.fusedMBConv(1, 3, 1, 16, 16, 1),
                StageSpec.fusedMBConv(4, 3, 2, 16, 24, 2),
                StageSpec.fusedMBConv(4, 3, 2, 24, 40, 2),
                StageSpec.mbConv(4, 3, 2, 40, 64, 2),
                StageSpec.mbConv(4, 3, 2, 64, 96, 2)), 256, 0.2f, 0.1f, 128);
    }

    /**
     * {@link #tiny()} with its last stage undecimated ({@link StageSpec#undecimated()}): an output stride of 16, so the
     * final 1x1 convolution - the layer whose channels the classifier weighs, where GradCAM is the class activation
     * map - has a cell every 16 px instead of 32 at the same weights and about 10 % more work. Weights of
     * {@link #tiny()} fit it unchanged ({@code sem train --init}).
     */
    public static EfficientNetV2Config tinyOutputStride16() {
        EfficientNetV2Config t = tiny();
        List<StageSpec> stages = new ArrayList<>(t.stages());
        stages.set(stages.size() - 1, stages.get(stages.size() - 1).undecimated());
        return new EfficientNetV2Config(TINY_OS16, stages, t.lastChannels(), t.dropout(), t.stochasticDepth(),
                t.defaultInputSize());
    }

    /** The configuration called {@code name} (e.g. {@code efficientnetv2-s}, or just {@code s}). */
    public static EfficientNetV2Config named(String name) {
        String key = name.trim().toLowerCase(Locale.ROOT);
        if (!key.startsWith("efficientnetv2-")) {
            key = "efficientnetv2-" + key;
        }
        switch (key) {
            case S:
                return small();
            case M:
                return medium();
            case L:
                return large();
            case TINY:
                return tiny();
            case TINY_OS16:
                return tinyOutputStride16();
            default:
                throw new DefectLensException("unknown model architecture '" + name
                        + "': use efficientnetv2-s, efficientnetv2-m, efficientnetv2-l, efficientnetv2-tiny or efficientnetv2-tiny-os16");
        }
    }

    /** Channels out of the stem: the input channels of the first stage. */
    public int stemChannels() {
        return stages.get(0).inChannels();
    }

    public int totalBlocks() {
        return stages.stream().mapToInt(StageSpec::layers).sum();
    }
}
