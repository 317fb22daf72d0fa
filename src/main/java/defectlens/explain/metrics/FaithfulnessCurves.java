package defectlens.explain.metrics;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import defectlens.explain.Heatmap;
import defectlens.image.ImageRaster;
import defectlens.model.ModelInputs;
import defectlens.model.SplitClassifier;
import java.util.Arrays;
import java.util.Comparator;
import java.util.stream.IntStream;

/**
 * Deletion and insertion curves (Petsiuk et al., RISE, 2018): the most salient input pixels are
 * replaced by a baseline (deletion) or revealed on top of it (insertion) in {@code steps} equal
 * steps, and the model's softmax probability of the heatmap's class is recorded. A faithful map
 * makes the deletion curve fall fast (low area) and the insertion curve rise fast (high area).
 * Perturbed inputs run in batches of {@code batchSize} under a per-batch manager.
 */
public final class FaithfulnessCurves {
    /** What removed pixels become. */
    public enum Baseline {
        /** A Gaussian blur of the input (sigma = input size / 45, about 5 px at 224). */
        BLUR,
        /** The per-channel mean of the input. */
        MEAN
    }

    /** Both curves at fractions {@code 0, 1/steps, ..., 1} of the pixels, and their areas. */
    public record Result(double[] fractions, double[] deletion, double[] insertion) {
        public double deletionAuc() {
            return trapezoid(fractions, deletion);
        }

        public double insertionAuc() {
            return trapezoid(fractions, insertion);
        }
    }

    private final int steps;
    private final Baseline baseline;
    private final int batchSize;

    public FaithfulnessCurves(int steps, Baseline baseline, int batchSize) {
        if (steps < 1 || batchSize < 1) {
            throw new IllegalArgumentException("steps and batch size must be positive");
        }
        this.steps = steps;
        this.baseline = baseline;
        this.batchSize = batchSize;
    }

    /** 20 steps, blurred baseline, batches of 16. */
    public static FaithfulnessCurves defaults() {
        return new FaithfulnessCurves(20, Baseline.BLUR, 16);
    }

    /** The curves of {@code heatmap} (made for {@code image}) under {@code model}. */
    public Result measure(SplitClassifier model, ImageRaster image, Heatmap heatmap) {
        int w = model.input().width();
        int h = model.input().height();
        int plane = w * h;
        float[] saliency = heatmap.atSize(w, h).normalized();
        int[] order = IntStream.range(0, plane).boxed()
                .sorted(Comparator.comparingDouble((Integer i) -> -saliency[i]).thenComparingInt(i -> i))
                .mapToInt(Integer::intValue).toArray();
        double[] fractions = new double[steps + 1];
        double[] deletion = new double[steps + 1];
        double[] insertion = new double[steps + 1];
        try (NDManager manager = NDManager.newBaseManager()) {
            NDArray input = ModelInputs.tensor(image, model.input(), manager);
            int c = (int) input.getShape().get(1);
            float[] x = input.toFloatArray();
            float[] base = baselineOf(x, c, w, h);
            int total = 2 * (steps + 1);
            for (int start = 0; start < total; start += batchSize) {
                int b = Math.min(batchSize, total - start);
                float[] batch = new float[b * c * plane];
                for (int j = 0; j < b; j++) {
                    int item = start + j;
                    boolean insert = item > steps;
                    int step = insert ? item - steps - 1 : item;
                    int k = (int) Math.round((double) step * plane / steps);
                    float[] from = insert ? base : x;
                    float[] to = insert ? x : base;
                    System.arraycopy(from, 0, batch, j * c * plane, c * plane);
                    for (int r = 0; r < k; r++) {
                        int p = order[r];
                        for (int ch = 0; ch < c; ch++) {
                            batch[j * c * plane + ch * plane + p] = to[ch * plane + p];
                        }
                    }
                }
                try (NDManager sub = manager.newSubManager()) {
                    float[] probs = model.logits(sub.create(batch, new Shape(b, c, h, w))).softmax(1).toFloatArray();
                    int classes = probs.length / b;
                    for (int j = 0; j < b; j++) {
                        int item = start + j;
                        double p = probs[j * classes + heatmap.targetClass()];
                        if (item > steps) {
                            insertion[item - steps - 1] = p;
                        } else {
                            deletion[item] = p;
                        }
                    }
                }
            }
        }
        for (int i = 0; i <= steps; i++) {
            fractions[i] = (double) i / steps;
        }
        return new Result(fractions, deletion, insertion);
    }

    private float[] baselineOf(float[] x, int c, int w, int h) {
        int plane = w * h;
        float[] out = new float[x.length];
        for (int ch = 0; ch < c; ch++) {
            float[] p = Arrays.copyOfRange(x, ch * plane, (ch + 1) * plane);
            if (baseline == Baseline.MEAN) {
                double m = 0;
                for (float v : p) {
                    m += v;
                }
                Arrays.fill(out, ch * plane, (ch + 1) * plane, (float) (m / plane));
            } else {
                float[] blurred = gaussianBlur(p, w, h, Math.max(w, h) / 45.0);
                System.arraycopy(blurred, 0, out, ch * plane, plane);
            }
        }
        return out;
    }

    /** A separable Gaussian blur with edges clamped. */
    static float[] gaussianBlur(float[] p, int w, int h, double sigma) {
        int r = Math.max(1, (int) Math.ceil(3 * sigma));
        double[] k = new double[2 * r + 1];
        double sum = 0;
        for (int i = -r; i <= r; i++) {
            k[i + r] = Math.exp(-i * i / (2 * sigma * sigma));
            sum += k[i + r];
        }
        for (int i = 0; i < k.length; i++) {
            k[i] /= sum;
        }
        float[] tmp = new float[p.length];
        float[] out = new float[p.length];
        for (int y = 0; y < h; y++) {
            for (int x = 0; x < w; x++) {
                double s = 0;
                for (int i = -r; i <= r; i++) {
                    s += k[i + r] * p[y * w + Math.min(w - 1, Math.max(0, x + i))];
                }
                tmp[y * w + x] = (float) s;
            }
        }
        for (int y = 0; y < h; y++) {
            for (int x = 0; x < w; x++) {
                double s = 0;
                for (int i = -r; i <= r; i++) {
                    s += k[i + r] * tmp[Math.min(h - 1, Math.max(0, y + i)) * w + x];
                }
                out[y * w + x] = (float) s;
            }
        }
        return out;
    }

    /** Area under a curve by the trapezoid rule. */
    public static double trapezoid(double[] x, double[] y) {
        double a = 0;
        for (int i = 1; i < x.length; i++) {
            a += (x[i] - x[i - 1]) * (y[i] + y[i - 1]) / 2;
        }
        return a;
    }
}
