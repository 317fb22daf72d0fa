package defectlens.model;

/**
 * One stage of an EfficientNetV2 stage table, as torchvision's {@code _efficientnet_conf} writes it:
 * block kind (Fused-MBConv or MBConv), expansion ratio, kernel size, stride of the first block,
 * input and output channels and the number of blocks; {@code dilation} is the dilation of the k x k convolutions of
 * every block after the first (1 in torchvision's tables).
 */
public record StageSpec(boolean fused, int expandRatio, int kernel, int stride, int inChannels, int outChannels,
        int layers, int dilation) {
    public StageSpec {
        if (expandRatio < 1 || kernel < 1 || stride < 1 || inChannels < 1 || outChannels < 1 || layers < 1
                || dilation < 1) {
            throw new IllegalArgumentException("stage values must be positive");
        }
    }

    public static StageSpec fusedMBConv(int expand, int kernel, int stride, int in, int out, int layers) {
        return new StageSpec(true, expand, kernel, stride, in, out, layers, 1);
    }

    public static StageSpec mbConv(int expand, int kernel, int stride, int in, int out, int layers) {
        return new StageSpec(false, expand, kernel, stride, in, out, layers, 1);
    }

    /**
     * The same stage without its down-sampling, as DeepLab's output-stride trick does it: the first block at stride
     * 1, the later blocks' k x k convolutions dilated by the old stride, so every weight sees the same neighbours as
     * before at twice (stride times) the map's resolution, and a network trained with the stride starts close to
     * itself.
     */
    public StageSpec undecimated() {
        return new StageSpec(fused, expandRatio, kernel, 1, inChannels, outChannels, layers, dilation * stride);
    }
}
