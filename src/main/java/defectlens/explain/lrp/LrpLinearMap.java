package defectlens.explain.lrp;

import ai.djl.engine.Engine;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.convolutional.Conv2d;
import ai.djl.nn.core.Linear;
import ai.djl.training.GradientCollector;

/**
 * The linear part {@code z = f(x; w) + b} of a layer that an {@link LrpRule} redistributes relevance
 * through, with its transpose {@code f^T(s; w)} (the gradient of {@code sum(f(x; w) * s)} with respect
 * to {@code x}). Rules call both with modified weights ({@code w+}, {@code w-}) and inputs.
 */
public interface LrpLinearMap {
    /** {@code f(x; w) + b}; {@code b} may be null. */
    NDArray apply(NDArray x, NDArray w, NDArray b);

    /** {@code f^T(s; w)}, shaped like the input {@code inputShape}. */
    NDArray transpose(NDArray s, NDArray w, Shape inputShape);

    /** A 2-D convolution (NCHW, weight {@code (out, in / groups, kh, kw)}). */
    static LrpLinearMap convolution(Shape stride, Shape padding, Shape dilation, int groups) {
        return new LrpLinearMap() {
            @Override
            public NDArray apply(NDArray x, NDArray w, NDArray b) {
                return Conv2d.conv2d(x, w, b, stride, padding, dilation, groups).singletonOrThrow();
            }

            @Override
            public NDArray transpose(NDArray s, NDArray w, Shape inputShape) {
                // PyTorch's DJL engine has no transposed convolution: take the gradient of sum(conv(x; w) * s)
                // with respect to x, which is the same linear map (the "gradient trick")
                NDArray weight = w.stopGradient();
                NDArray cotangent = s.stopGradient();
                try (GradientCollector collector = Engine.getInstance().newGradientCollector()) {
                    NDArray x = s.getManager().zeros(inputShape, s.getDataType());
                    x.setRequiresGradient(true);
                    collector.backward(apply(x, weight, null).mul(cotangent).sum());
                    return x.getGradient().duplicate();
                }
            }
        };
    }

    /** A fully connected layer (input {@code (N, in)}, weight {@code (out, in)}). */
    static LrpLinearMap dense() {
        return new LrpLinearMap() {
            @Override
            public NDArray apply(NDArray x, NDArray w, NDArray b) {
                return b == null ? Linear.linear(x, w).singletonOrThrow() : Linear.linear(x, w, b).singletonOrThrow();
            }

            @Override
            public NDArray transpose(NDArray s, NDArray w, Shape inputShape) {
                return s.matMul(w);
            }
        };
    }

    /** A per-channel scale and shift {@code x * a[c] + b[c]} on axis 1 (NCHW or NC): inference BatchNorm. */
    static LrpLinearMap channelAffine() {
        return new LrpLinearMap() {
            @Override
            public NDArray apply(NDArray x, NDArray a, NDArray b) {
                NDArray z = x.mul(perChannel(a, x.getShape()));
                return b == null ? z : z.add(perChannel(b, x.getShape()));
            }

            @Override
            public NDArray transpose(NDArray s, NDArray a, Shape inputShape) {
                return s.mul(perChannel(a, inputShape));
            }
        };
    }

    private static NDArray perChannel(NDArray v, Shape like) {
        long[] dims = new long[like.dimension()];
        java.util.Arrays.fill(dims, 1L);
        dims[1] = v.size();
        return v.reshape(new Shape(dims));
    }
}
