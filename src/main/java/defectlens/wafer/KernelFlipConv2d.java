package defectlens.wafer;

import ai.djl.Device;
import ai.djl.MalformedModelException;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.AbstractBlock;
import ai.djl.nn.Parameter;
import ai.djl.nn.convolutional.Conv2d;
import ai.djl.training.ParameterStore;
import ai.djl.util.PairList;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;

/**
 * The kernel-flip module of Jeong et al. (2023): ONE convolution weight {@code w} of shape
 * {@code (filters, channels, kh, kw)} used twice, as itself and mirrored along the kernel width
 * ({@code w.flip(3)}); both are convolved with the input and the two outputs combined by element-wise
 * maximum. It has exactly the parameters of a plain {@link Conv2d} of the same shape (one weight, one
 * bias); the gradient of both branches flows into the shared weight.
 *
 * <p>With stride 1 and symmetric padding ({@code padding = (k - 1) / 2} for odd kernels) the block is
 * equivariant to horizontal flips of its input: {@code f(flip(x)) = flip(f(x))}, because
 * {@code conv(flip(x), w) = flip(conv(x, flip(w)))} and the maximum is symmetric in its branches.
 * Input and output are NCHW.
 */
public final class KernelFlipConv2d extends AbstractBlock {
    private static final byte VERSION = 1;

    private final int filters;
    private final Shape kernel;
    private final Shape stride;
    private final Shape padding;
    private final Shape dilation;
    private final Parameter weight;
    private final Parameter bias;

    /** A kernel-flip convolution with stride 1 and "same" padding {@code (k - 1) / 2}. */
    public KernelFlipConv2d(int filters, int kernelSize) {
        this(filters, new Shape(kernelSize, kernelSize), new Shape(1, 1),
                new Shape((kernelSize - 1) / 2, (kernelSize - 1) / 2), new Shape(1, 1));
    }

    public KernelFlipConv2d(int filters, Shape kernel, Shape stride, Shape padding, Shape dilation) {
        super(VERSION);
        if (filters < 1 || kernel.dimension() != 2 || stride.dimension() != 2 || padding.dimension() != 2
                || dilation.dimension() != 2) {
            throw new IllegalArgumentException("need filters >= 1 and 2-D kernel, stride, padding and dilation");
        }
        this.filters = filters;
        this.kernel = kernel;
        this.stride = stride;
        this.padding = padding;
        this.dilation = dilation;
        this.weight = addParameter(Parameter.builder().setName("weight").setType(Parameter.Type.WEIGHT).build());
        this.bias = addParameter(Parameter.builder().setName("bias").setType(Parameter.Type.BIAS).build());
    }

    public int filters() {
        return filters;
    }

    public Shape kernel() {
        return kernel;
    }

    public Shape stride() {
        return stride;
    }

    public Shape padding() {
        return padding;
    }

    public Shape dilation() {
        return dilation;
    }

    @Override
    protected void prepare(Shape[] inputShapes) {
        long channels = inputShapes[0].get(1);
        weight.setShape(new Shape(filters, channels, kernel.get(0), kernel.get(1)));
        bias.setShape(new Shape(filters));
    }

    @Override
    protected NDList forwardInternal(
            ParameterStore parameterStore, NDList inputs, boolean training, PairList<String, Object> params) {
        NDArray x = inputs.singletonOrThrow();
        Device device = x.getDevice();
        NDArray w = parameterStore.getValue(weight, device, training);
        NDArray b = parameterStore.getValue(bias, device, training);
        NDArray direct = Conv2d.conv2d(x, w, b, stride, padding, dilation, 1).singletonOrThrow();
        NDArray flipped = w.flip(3);
        // w lives on the model's manager, and so would its flipped copy: one leaked kernel per forward call
        flipped.attach(x.getManager());
        NDArray mirrored = Conv2d.conv2d(x, flipped, b, stride, padding, dilation, 1).singletonOrThrow();
        return new NDList(direct.maximum(mirrored));
    }

    @Override
    public Shape[] getOutputShapes(Shape[] inputShapes) {
        Shape in = inputShapes[0];
        long[] out = new long[4];
        out[0] = in.get(0);
        out[1] = filters;
        for (int i = 0; i < 2; i++) {
            long extent = dilation.get(i) * (kernel.get(i) - 1) + 1;
            out[2 + i] = (in.get(2 + i) + 2 * padding.get(i) - extent) / stride.get(i) + 1;
        }
        return new Shape[] {new Shape(out)};
    }

    @Override
    protected void saveMetadata(DataOutputStream os) throws IOException {
        saveInputShapes(os);
    }

    @Override
    public void loadMetadata(byte loadVersion, DataInputStream is) throws IOException, MalformedModelException {
        if (loadVersion != VERSION) {
            throw new MalformedModelException("unsupported KernelFlipConv2d version " + loadVersion);
        }
        readInputShapes(is);
    }

    @Override
    public String toString() {
        return "KernelFlipConv2d(" + filters + ", kernel=" + kernel + ", padding=" + padding + ")";
    }
}
