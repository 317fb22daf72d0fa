package defectlens.explain.cam;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import defectlens.explain.LayerProbe;
import defectlens.explain.MapResampling;
import defectlens.model.SplitClassifier;

/**
 * ScoreCAM (Wang et al., CVPRW 2020): each feature map, upsampled to the input and min-max scaled,
 * masks the input; the target logits of the masked inputs, soft-maxed over channels, weight the
 * maps: {@code ReLU(sum_k w_k A_k)}. Masked inputs go through the model in batches of
 * {@link #batchSize()} under their own manager, which bounds memory for wide layers.
 */
public final class ScoreCam extends CamExplainer {
    private final int batchSize;

    public ScoreCam() {
        this(32);
    }

    public ScoreCam(int batchSize) {
        super("scorecam", NO_GRADIENT, RELU);
        if (batchSize < 1) {
            throw new IllegalArgumentException("batch size must be positive: " + batchSize);
        }
        this.batchSize = batchSize;
    }

    public int batchSize() {
        return batchSize;
    }

    @Override
    protected float[] combine(LayerProbe p, SplitClassifier model, NDArray input) {
        long[] s = input.getShape().getShape();
        int c = (int) s[1];
        int h = (int) s[2];
        int w = (int) s[3];
        int plane = h * w;
        float[] x = input.toFloatArray();
        int k = p.channels();
        double[] scores = new double[k];
        for (int start = 0; start < k; start += batchSize) {
            int b = Math.min(batchSize, k - start);
            float[] batch = new float[b * c * plane];
            for (int j = 0; j < b; j++) {
                float[] mask = channelMask(p, start + j, w, h);
                for (int ch = 0; ch < c; ch++) {
                    int base = (j * c + ch) * plane;
                    for (int i = 0; i < plane; i++) {
                        batch[base + i] = x[ch * plane + i] * mask[i];
                    }
                }
            }
            try (NDManager sub = input.getManager().newSubManager()) {
                float[] logits = model.logits(sub.create(batch, new Shape(b, c, h, w))).toFloatArray();
                int classes = logits.length / b;
                for (int j = 0; j < b; j++) {
                    scores[start + j] = logits[j * classes + p.target()];
                }
            }
        }
        double max = Double.NEGATIVE_INFINITY;
        for (double v : scores) {
            max = Math.max(max, v);
        }
        double sum = 0;
        double[] weights = new double[k];
        for (int j = 0; j < k; j++) {
            weights[j] = Math.exp(scores[j] - max);
            sum += weights[j];
        }
        for (int j = 0; j < k; j++) {
            weights[j] /= sum;
        }
        return weightedSum(p, weights, true);
    }

    private static float[] channelMask(LayerProbe p, int channel, int w, int h) {
        float[] map = new float[p.cells()];
        for (int i = 0; i < map.length; i++) {
            map[i] = p.a(channel, i);
        }
        float[] up = MapResampling.bilinear(map, p.width(), p.height(), w, h);
        float lo = Float.POSITIVE_INFINITY;
        float hi = Float.NEGATIVE_INFINITY;
        for (float v : up) {
            lo = Math.min(lo, v);
            hi = Math.max(hi, v);
        }
        float range = hi - lo;
        for (int i = 0; i < up.length; i++) {
            up[i] = range > 0 ? (up[i] - lo) / range : 0f;
        }
        return up;
    }
}
