package defectlens.cli.bench;

import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import defectlens.cli.CommandFactory;
import defectlens.cli.Json;
import defectlens.cli.JsonOption;
import defectlens.cli.LayerOption;
import defectlens.cli.ModelOpener;
import defectlens.cli.TerminalProgress;
import defectlens.core.DefectLensException;
import defectlens.explain.Explainer;
import defectlens.explain.Explainers;
import defectlens.explain.ExplanationLayer;
import defectlens.explain.ExplanationBenchmark;
import defectlens.explain.craft.ConceptBank;
import defectlens.explain.craft.CraftExplainer;
import defectlens.image.ImageRaster;
import defectlens.image.SemImageReader;
import defectlens.model.EfficientNetV2;
import defectlens.model.EfficientNetV2Config;
import defectlens.model.InputSpec;
import defectlens.model.ModelBundle;
import defectlens.model.Provenance;
import defectlens.model.SplitClassifier;
import java.io.PrintWriter;
import java.nio.file.Files;
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
 * {@code bench explain}: time of one explanation against one forward pass (median of repeats), and
 * with {@code --endurance N} N explanations in a row with Java heap and RSS sampled. The model is a
 * bundle ({@code --model}) or an untrained network of an architecture ({@code --arch}, speed only
 * depends on the shape).
 */
@Command(name = "explain", mixinStandardHelpOptions = true,
        description = "Explanation speed vs a forward pass, and memory over many explanations.")
public final class BenchExplainCommand implements Callable<Integer> {
    private final ModelOpener models;

    /** A command that opens {@code --model} with {@code models} (see {@link CommandFactory}). */
    public BenchExplainCommand(ModelOpener models) {
        this.models = models;
    }

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Option(names = "--model", description = "Model bundle folder.")
    Path model;

    @Option(names = "--arch", description = "Untrained network instead of --model: efficientnetv2-s, -m, -l or -tiny.")
    String arch;

    @Option(names = "--input-size", defaultValue = "384", description = "Input size with --arch (default: ${DEFAULT-VALUE}).")
    int inputSize;

    @Option(names = "--image", required = true, description = "Image to explain.")
    Path image;

    @Option(names = "--method", defaultValue = "gradcam", description = "Method (default: ${DEFAULT-VALUE}); craft needs --banks.")
    String method;

    @Option(names = "--banks", description = "Folder of concept banks (for --method craft).")
    Path banks;

    @Option(names = "--repeats", defaultValue = "5", description = "Timed repeats (default: ${DEFAULT-VALUE}).")
    int repeats;

    @Option(names = "--warmup", defaultValue = "2", description = "Untimed warm-up runs (default: ${DEFAULT-VALUE}).")
    int warmup;

    @Option(names = "--endurance", defaultValue = "0",
            description = "Explanations in a row with memory sampled; 0 skips (default: ${DEFAULT-VALUE}).")
    int endurance;

    @Option(names = "--sample-every", defaultValue = "500", description = "Memory sample interval (default: ${DEFAULT-VALUE}).")
    int every;

    @Mixin
    JsonOption json;

    @Mixin
    LayerOption layerOption;

    @Override
    public Integer call() throws Exception {
        if ((model == null) == (arch == null)) {
            throw new DefectLensException("give exactly one of --model DIR and --arch NAME");
        }
        PrintWriter err = spec.commandLine().getErr();
        ImageRaster raster = SemImageReader.read(image);
        Path dir = model;
        Path temp = null;
        if (arch != null) {
            temp = Files.createTempDirectory("bench-explain");
            dir = untrained(temp.resolve(arch), arch, inputSize);
        }
        try (SplitClassifier whole = models.open(dir)) {
            ExplanationLayer layer = layerOption.choose(whole, dir);
            SplitClassifier classifier = layer.model();
            Explainer explainer = explainer(classifier, dir);
            err.println("bench explain: " + explainer.name() + " on " + dir.getFileName() + ", " + layer.describe()
                    + ", input "
                    + classifier.input().width() + ", " + Runtime.getRuntime().availableProcessors() + " processors");
            ExplanationBenchmark.Speed speed = ExplanationBenchmark.speed(classifier, raster, explainer, warmup, repeats);
            List<ExplanationBenchmark.MemorySample> memory = List.of();
            if (endurance > 0) {
                try (TerminalProgress progress = new TerminalProgress(err, "bench explain")) {
                    memory = ExplanationBenchmark.endurance(classifier, raster, explainer, endurance, every, progress);
                }
            }
            PrintWriter out = spec.commandLine().getOut();
            if (json.on()) {
                Map<String, Object> doc = new LinkedHashMap<>();
                doc.put("benchmark", "explain");
                doc.put("model", model == null ? arch + " (untrained)" : model.toString());
                doc.put("input", classifier.input().width());
                doc.put("layer", layer.layer().name());
                doc.put("processors", Runtime.getRuntime().availableProcessors());
                doc.put("java", System.getProperty("java.version"));
                doc.put("speed", speed);
                doc.put("memory", memory);
                out.println(Json.write(doc));
            } else {
                out.println(layer.describe());
                out.printf("%s: forward %.1f ms, explanation %.1f ms, ratio %.2f (median of %d)%n", speed.method(),
                        speed.forwardMillis(), speed.explainMillis(), speed.ratio(), speed.repeats());
                for (ExplanationBenchmark.MemorySample s : memory) {
                    out.printf("%6d explanations: heap %.1f MB, RSS %.1f MB, %.0f s%n", s.explanations(), s.heapMb(),
                            s.rssMb(), s.secondsSinceStart());
                }
            }
            out.flush();
            return 0;
        } finally {
            if (temp != null) {
                try (var files = Files.walk(temp)) {
                    files.sorted(java.util.Comparator.reverseOrder()).map(Path::toFile).filter(f -> !f.delete())
                            .forEach(f -> spec.commandLine().getErr().println("bench explain: could not delete " + f));
                }
            }
        }
    }

    private Explainer explainer(SplitClassifier classifier, Path dir) {
        if (!method.trim().equalsIgnoreCase("craft")) {
            return Explainers.camByName(method);
        }
        if (banks == null) {
            throw new DefectLensException("--method craft needs --banks");
        }
        String modelName = dir.toAbsolutePath().normalize().getFileName().toString();
        return new CraftExplainer(cls -> {
            Path folder = ConceptBank.folderFor(banks, modelName, classifier.classes().get(cls));
            return Files.isDirectory(folder) ? ConceptBank.load(folder) : null;
        });
    }

    private static Path untrained(Path dir, String arch, int size) {
        List<String> classes = List.of("single_bridge", "thin_bridge", "line_collapse", "line_break", "multi_bridge",
                "no_defect");
        try (NDManager manager = NDManager.newBaseManager("PyTorch")) {
            EfficientNetV2 net = new EfficientNetV2(EfficientNetV2Config.named(arch), classes.size());
            InputSpec spec = arch.startsWith(EfficientNetV2Config.TINY) ? InputSpec.gray(size) : InputSpec.imagenet(size);
            net.initialize(manager, DataType.FLOAT32, new Shape(1, spec.channels(), size, size));
            Provenance p = new Provenance("untrained (bench)", 0L, 0, "none", Map.of(), "", "bench");
            ModelBundle.save(dir, ModelBundle.manifestFor(arch + "-untrained", net, classes, spec, p), net);
        }
        return dir;
    }
}
