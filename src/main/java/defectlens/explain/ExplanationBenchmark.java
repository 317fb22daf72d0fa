package defectlens.explain;

import ai.djl.ndarray.NDManager;
import defectlens.core.Progress;
import defectlens.image.ImageRaster;
import defectlens.model.ModelInputs;
import defectlens.model.SplitClassifier;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Speed and memory of explanations, behind {@code bench explain}: the median time of one explanation
 * against the median time of one forward pass of the same image, and many explanations in a row
 * with the Java heap (after a GC) and the process's resident set size sampled along the way.
 */
public final class ExplanationBenchmark {
    /** Median milliseconds of a forward pass and of an explanation, and their ratio. */
    public record Speed(String method, int width, int height, double forwardMillis, double explainMillis,
            double ratio, int repeats) {
    }

    /** One memory sample after {@code explanations} explanations. */
    public record MemorySample(int explanations, double heapMb, double rssMb, double secondsSinceStart) {
    }

    private ExplanationBenchmark() {
    }

    /** Times {@code repeats} forward passes and explanations after {@code warmup} untimed ones of each. */
    public static Speed speed(SplitClassifier model, ImageRaster image, Explainer explainer, int warmup, int repeats) {
        for (int i = 0; i < warmup; i++) {
            forward(model, image);
            explainer.explain(model, image, Explainer.PREDICTED);
        }
        double[] fwd = new double[repeats];
        double[] exp = new double[repeats];
        for (int i = 0; i < repeats; i++) {
            long t0 = System.nanoTime();
            forward(model, image);
            long t1 = System.nanoTime();
            explainer.explain(model, image, Explainer.PREDICTED);
            long t2 = System.nanoTime();
            fwd[i] = (t1 - t0) / 1e6;
            exp[i] = (t2 - t1) / 1e6;
        }
        double f = median(fwd);
        double e = median(exp);
        return new Speed(explainer.name(), image.width(), image.height(), f, e, e / f, repeats);
    }

    /** One forward pass (image to logits), as the classifier runs it, under its own manager. */
    public static void forward(SplitClassifier model, ImageRaster image) {
        try (NDManager m = NDManager.newBaseManager()) {
            model.logits(ModelInputs.tensor(image, model.input(), m)).toFloatArray();
        }
    }

    /** {@code count} explanations in a row, sampling memory every {@code every} (and at 0 and the end). */
    public static List<MemorySample> endurance(SplitClassifier model, ImageRaster image, Explainer explainer, int count,
            int every, Progress progress) {
        List<MemorySample> out = new ArrayList<>();
        long start = System.nanoTime();
        out.add(sample(0, start));
        for (int i = 1; i <= count; i++) {
            explainer.explain(model, image, Explainer.PREDICTED);
            if (i % every == 0 || i == count) {
                out.add(sample(i, start));
                progress.update(i, count, i + "/" + count + " explanations");
            }
        }
        return out;
    }

    private static MemorySample sample(int n, long start) {
        System.gc();
        long heap = ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed();
        return new MemorySample(n, heap / 1048576.0, residentSetMb(), (System.nanoTime() - start) / 1e9);
    }

    /** The process's resident set size in MB from {@code /proc/self/status}; NaN where there is none. */
    public static double residentSetMb() {
        try {
            for (String line : Files.readAllLines(Path.of("/proc/self/status"))) {
                if (line.startsWith("VmRSS:")) {
                    return Long.parseLong(line.replaceAll("[^0-9]", "")) / 1024.0;
                }
            }
        } catch (IOException | NumberFormatException e) {
            return Double.NaN;
        }
        return Double.NaN;
    }

    static double median(double[] v) {
        double[] s = v.clone();
        Arrays.sort(s);
        int n = s.length;
        return n % 2 == 1 ? s[n / 2] : (s[n / 2 - 1] + s[n / 2]) / 2;
    }
}
