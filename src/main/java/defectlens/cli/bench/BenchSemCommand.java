package defectlens.cli.bench;

import defectlens.cli.Json;
import defectlens.cli.JsonOption;
import defectlens.cli.TerminalProgress;
import defectlens.core.DefectLensException;
import defectlens.model.EfficientNetV2Classifier;
import defectlens.model.EfficientNetV2Config;
import defectlens.model.InferenceBenchmark;
import defectlens.model.ModelBundle;
import defectlens.model.ModelManifest;
import defectlens.model.SplitClassifier;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine;

/**
 * {@code bench sem}: latency per image and throughput of a SEM classifier's forward pass, either a
 * model bundle ({@code --model DIR}) or a randomly initialised EfficientNetV2 ({@code --architecture}).
 */
@Command(
        name = "sem",
        mixinStandardHelpOptions = true,
        description = "EfficientNetV2 inference speed: forward passes on random input, median of repeats per batch size.")
public final class BenchSemCommand implements Callable<Integer> {
    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Option(names = "--model", description = "Model bundle folder to time (instead of --architecture).")
    Path model;

    @Option(names = "--architecture", defaultValue = EfficientNetV2Config.S,
            description = "Randomly initialised architecture when no --model is given (default: ${DEFAULT-VALUE}).")
    String architecture;

    @Option(names = "--input-size", defaultValue = "384",
            description = "Square input of the random model; 0 = the architecture's default (default: ${DEFAULT-VALUE}).")
    int inputSize;

    @Option(names = "--channels", defaultValue = "3", description = "Input channels of the random model (default: ${DEFAULT-VALUE}).")
    int channels;

    @Option(names = "--classes", defaultValue = "1000", description = "Classes of the random model (default: ${DEFAULT-VALUE}, as torchvision).")
    int classes;

    @Option(names = "--batch", split = ",", defaultValue = "1,16", description = "Batch sizes (default: ${DEFAULT-VALUE}).")
    int[] batches;

    @Option(names = "--repeats", defaultValue = "5",
            description = "Timed repeats per batch size, the median is reported (default: ${DEFAULT-VALUE}).")
    int repeats;

    @Option(names = "--warmup", defaultValue = "2", description = "Untimed warm-up passes per batch size (default: ${DEFAULT-VALUE}).")
    int warmup;

    @Option(names = "--threads", defaultValue = "2", description = "PyTorch intra-op threads; 0 = PyTorch's default (default: ${DEFAULT-VALUE}).")
    int threads;

    @Mixin
    JsonOption json;

    @Override
    public Integer call() {
        if (repeats < 1 || warmup < 0 || batches.length == 0 || classes < 1 || (channels != 1 && channels != 3)) {
            throw new DefectLensException("need --repeats >= 1, --warmup >= 0, a batch size, --classes >= 1 and --channels 1 or 3");
        }
        for (int b : batches) {
            if (b < 1) {
                throw new DefectLensException("batch sizes must be positive: " + b);
            }
        }
        if (threads > 0) {
            // read by DJL's PyTorch engine when it starts, which is below
            System.setProperty("ai.djl.pytorch.num_threads", Integer.toString(threads));
            System.setProperty("ai.djl.pytorch.num_interop_threads", "1");
        }
        PrintWriter err = spec.commandLine().getErr();
        InferenceBenchmark.Subject subject;
        List<InferenceBenchmark.Result> results;
        try (SplitClassifier classifier = open()) {
            subject = model != null ? bundleSubject(classifier)
                    : InferenceBenchmark.describe("random " + architecture, EfficientNetV2Config.named(architecture).name(),
                            ((EfficientNetV2Classifier) classifier).network().trainableParameterCount(), classifier);
            err.println("sem bench: " + subject.name() + ", input " + subject.input() + ", batches "
                    + java.util.Arrays.toString(batches) + ", threads " + InferenceBenchmark.threads());
            try (TerminalProgress progress = new TerminalProgress(err, "sem bench")) {
                results = InferenceBenchmark.run(classifier, batches, warmup, repeats, progress);
            }
        }
        PrintWriter out = spec.commandLine().getOut();
        if (json.on()) {
            Map<String, Object> doc = new LinkedHashMap<>();
            doc.put("benchmark", "sem-inference");
            doc.put("model", subject);
            doc.put("threads", InferenceBenchmark.threads());
            doc.put("java", System.getProperty("java.version"));
            doc.put("results", results);
            out.println(Json.write(doc));
        } else {
            out.printf("%s (%s, %,d parameters, input %s, %s)%n", subject.name(), subject.architecture(),
                    subject.parameters(), subject.input(), subject.engine());
            out.printf("%6s %12s %12s %14s %10s %12s %18s%n", "batch", "median s", "fastest s", "ms per image",
                    "images/s", "median CPU s", "CPU ms per image");
            for (InferenceBenchmark.Result r : results) {
                out.printf("%6d %12.3f %12.3f %14.1f %10.2f %12.3f %18.1f%n", r.batch(), r.medianSeconds(), r.minSeconds(),
                        r.millisPerImage(), r.imagesPerSecond(), r.medianCpuSeconds(), r.cpuMillisPerImage());
            }
        }
        return 0;
    }

    private SplitClassifier open() {
        if (model != null) {
            return InferenceBenchmark.bundle(model);
        }
        return InferenceBenchmark.randomEfficientNet(architecture, classes, inputSize, channels, 1);
    }

    private InferenceBenchmark.Subject bundleSubject(SplitClassifier classifier) {
        ModelManifest m = ModelBundle.readManifest(model);
        return InferenceBenchmark.describe(m.name() == null ? model.getFileName().toString() : m.name(), m.architecture(),
                m.parameters(), classifier);
    }
}
