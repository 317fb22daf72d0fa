package defectlens.model;

import ai.djl.ndarray.NDArray;
import ai.djl.nn.Block;
import ai.djl.nn.Parameter;
import java.nio.FloatBuffer;
import java.util.SplittableRandom;

/**
 * Draws a block's trainable weights again for a model-parameter randomisation test (Adebayo et al.,
 * NeurIPS 2018): every weight, bias, BatchNorm gamma and beta tensor becomes Gaussian noise with that
 * tensor's own mean and standard deviation (so activations keep their scale and nothing overflows);
 * BatchNorm running statistics stay. Deterministic for a seed.
 */
final class WeightRandomization {
    private static final double FLAT_STD = 0.05;

    private WeightRandomization() {
    }

    static void redraw(Block block, long seed) {
        SplittableRandom rnd = new SplittableRandom(seed);
        for (var p : block.getParameters()) {
            Parameter param = p.getValue();
            Parameter.Type type = param.getType();
            if (type != Parameter.Type.WEIGHT && type != Parameter.Type.BIAS && type != Parameter.Type.GAMMA
                    && type != Parameter.Type.BETA) {
                continue;
            }
            NDArray array = param.getArray();
            float[] values = array.toFloatArray();
            double mean = 0;
            for (float v : values) {
                mean += v;
            }
            mean /= values.length;
            double var = 0;
            for (float v : values) {
                var += (v - mean) * (v - mean);
            }
            double std = values.length > 1 ? Math.sqrt(var / (values.length - 1)) : 0;
            if (!(std > 0)) {
                std = FLAT_STD;
            }
            for (int i = 0; i < values.length; i++) {
                values[i] = (float) (mean + std * gaussian(rnd));
            }
            array.set(FloatBuffer.wrap(values));
        }
    }

    private static double gaussian(SplittableRandom rnd) {
        double u = Math.max(rnd.nextDouble(), 1e-300);
        return Math.sqrt(-2 * Math.log(u)) * Math.cos(2 * Math.PI * rnd.nextDouble());
    }
}
