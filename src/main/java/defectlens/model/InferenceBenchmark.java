package defectlens.model;

import ai.djl.engine.Engine;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import defectlens.core.Progress;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

/**
 * Inference speed of a SEM classifier: forward passes (features + head, inference mode) on random
 * normalised input batches of the model's input size, after untimed warm-up runs. The median wall time
 * of the timed repeats gives the latency per image and the throughput for each batch size; the median
 * process CPU time per pass is reported too, since wall time swings on a shared machine. Image
 * decoding is not timed, so the figures compare with a bare {@code model(x)} in Python.
 */
public final class InferenceBenchmark {
    private InferenceBenchmark() {
    }

    /** Speed at one batch size: median and fastest batch time, per-image latency and images per second. */
    public record Result(int batch, int repeats, double medianSeconds, double minSeconds, double millisPerImage,
            double imagesPerSecond, double medianCpuSeconds, double cpuMillisPerImage) {
    }

    /** What was measured: the model's name, architecture, parameters, input and the engine's version. */
    public record Subject(String name, String architecture, long parameters, List<Integer> input, int classes,
            String engine) {
    }

    /** A randomly initialised EfficientNetV2 (weights do not change the speed) with {@code channels} x size x size input. */
    public static SplitClassifier randomEfficientNet(String architecture, int classes, int size, int channels, long seed) {
        EfficientNetV2Config config = EfficientNetV2Config.named(architecture);
        int s = size > 0 ? size : config.defaultInputSize();
        InputSpec spec = channels == 3 ? InputSpec.imagenet(s) : InputSpec.gray(s);
        Engine.getInstance().setRandomSeed((int) seed);
        NDManager weights = NDManager.newBaseManager("PyTorch");
        EfficientNetV2 net = new EfficientNetV2(config, classes);
        net.initialize(weights, DataType.FLOAT32, new Shape(1, spec.channels(), spec.height(), spec.width()));
        // DJL's initialize marks the weight arrays as needing gradients; a loaded bundle's are not. Without, the
        // forward pass records no autograd graph, as in the window, the CLI and Python's inference_mode.
        for (var p : net.getParameters()) {
            p.getValue().getArray().setRequiresGradient(false);
        }
        List<String> names = new ArrayList<>(classes);
        for (int i = 0; i < classes; i++) {
            names.add("class_" + i);
        }
        return new EfficientNetV2Classifier(weights, net, names, spec);
    }

    /** A model bundle as it opens in the window and the CLI. */
    public static SplitClassifier bundle(Path dir) {
        return ModelBundle.load(dir);
    }

    public static Subject describe(String name, String architecture, long parameters, SplitClassifier model) {
        InputSpec in = model.input();
        return new Subject(name, architecture, parameters, List.of(in.channels(), in.height(), in.width()),
                model.classes().size(), Engine.getInstance().getEngineName() + " " + Engine.getInstance().getVersion());
    }

    /**
     * Times {@code repeats} forward passes per batch size after {@code warmup} untimed ones; the progress
     * message tells the time of each pass as it comes.
     */
    public static List<Result> run(SplitClassifier model, int[] batches, int warmup, int repeats, Progress progress) {
        InputSpec in = model.input();
        List<Result> out = new ArrayList<>();
        try (NDManager root = NDManager.newBaseManager("PyTorch")) {
            int passes = batches.length * (warmup + repeats);
            int pass = 0;
            for (int batch : batches) {
                Shape shape = new Shape(batch, in.channels(), in.height(), in.width());
                double[] seconds = new double[repeats];
                double[] cpu = new double[repeats];
                for (int r = -warmup; r < repeats; r++) {
                    try (NDManager m = root.newSubManager()) {
                        NDArray x = m.randomNormal(shape);
                        long c0 = processCpuNanos();
                        long t0 = System.nanoTime();
                        NDArray logits = model.logits(x);
                        logits.toFloatArray();
                        double s = (System.nanoTime() - t0) / 1e9;
                        double c = (processCpuNanos() - c0) / 1e9;
                        if (r >= 0) {
                            seconds[r] = s;
                            cpu[r] = c;
                        }
                        progress.update(++pass, passes, String.format(java.util.Locale.ROOT,
                                "batch %d %s %d: %.3f s wall, %.3f s CPU", batch, r < 0 ? "warm-up" : "run",
                                r < 0 ? r + warmup + 1 : r + 1, s, c));
                    }
                }
                double median = median(seconds);
                double cpuMedian = median(cpu);
                out.add(new Result(batch, repeats, median, Arrays.stream(seconds).min().orElse(0), 1000 * median / batch,
                        batch / median, cpuMedian, 1000 * cpuMedian / batch));
            }
        }
        return out;
    }

    private static double median(double[] values) {
        double[] sorted = values.clone();
        Arrays.sort(sorted);
        return sorted.length % 2 == 1 ? sorted[sorted.length / 2]
                : (sorted[sorted.length / 2 - 1] + sorted[sorted.length / 2]) / 2;
    }

    /** CPU time of the whole process (all PyTorch threads): steadier than wall time on a shared machine. */
    static long processCpuNanos() {
        java.lang.management.OperatingSystemMXBean os = java.lang.management.ManagementFactory.getOperatingSystemMXBean();
        return os instanceof com.sun.management.OperatingSystemMXBean sun ? sun.getProcessCpuTime() : 0L;
    }

    /** Settings a report should print next to the figures. */
    public static Map<String, Object> threads() {
        return Map.of("num_threads", System.getProperty("ai.djl.pytorch.num_threads", "default"),
                "num_interop_threads", System.getProperty("ai.djl.pytorch.num_interop_threads", "default"),
                "processors", Runtime.getRuntime().availableProcessors());
    }
}
