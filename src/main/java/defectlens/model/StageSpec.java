package defectlens.model;

/**
 * One stage of an EfficientNetV2 stage table, as torchvision's {@code _efficientnet_conf} writes it:
 * block kind (Fused-MBConv or MBConv), expansion ratio, kernel size, stride of the first block,
 * input and output channels and the number of blocks.
 */
public record StageSpec(boolean fused, int expandRatio, int kernel, int stride, int inChannels, int outChannels,
        int layers) {
    public StageSpec {
        if (expandRatio < 1 || kernel < 1 || stride < 1 || inChannels < 1 || outChannels < 1 || layers < 1) {
            throw new IllegalArgumentException("stage values must be positive");
        }
    }

    public static StageSpec fusedMBConv(int expand, int kernel, int stride, int in, int out, int layers) {
        return new StageSpec(true, expand, kernel, stride, in, out, layers);
    }

    public static StageSpec mbConv(int expand, int kernel, int stride, int in, int out, int layers) {
        return new StageSpec(false, expand, kernel, stride, in, out, layers);
    }
}
