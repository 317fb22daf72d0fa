package defectlens.cli.sem;

import defectlens.cli.Json;
import defectlens.cli.JsonOption;
import defectlens.cli.TerminalProgress;
import defectlens.core.DefectLensException;
import defectlens.core.OutputFile;
import defectlens.dataset.DatasetOpener;
import defectlens.dataset.SemDataset;
import defectlens.dataset.SemSample;
import defectlens.model.ClassificationMetrics;
import defectlens.model.MetricCharts;
import defectlens.model.ModelBundle;
import defectlens.model.Prediction;
import defectlens.model.SemClassifier;
import defectlens.model.SplitClassifier;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine;

/**
 * {@code sem evaluate}: accuracy, macro and micro F1, per-class scores and the confusion matrix of a
 * model on a labelled data set; with {@code --out}, also {@code f1_per_class.png} and {@code confusion.png}.
 */
@Command(name = "evaluate", mixinStandardHelpOptions = true,
        description = "Scores a model bundle on a labelled data set (per-class F1, confusion matrix).")
public final class SemEvaluateCommand implements Callable<Integer> {
    private static final String F1_CHART = "f1_per_class.png";
    private static final String CONFUSION = "confusion.png";

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Option(names = "--model", required = true, description = "Model bundle folder.")
    Path model;

    @Option(names = "--data", required = true, description = "Labelled data set folder.")
    Path data;

    @Option(names = "--out", description = "Folder for f1_per_class.png and confusion.png.")
    Path out;

    @Option(names = "--batch", defaultValue = "0",
            description = "Batch size; 0 = by input size, 8 at 128 px down to 1 at 384 px, as memory allows (default: ${DEFAULT-VALUE}).")
    int batch;

    @Mixin
    JsonOption json;

    @Option(names = "--force", description = "Replace f1_per_class.png and confusion.png if they exist.")
    boolean force;

    @Override
    public Integer call() {
        if (out != null) {
            OutputFile.checkTarget(out.resolve(F1_CHART), force);
            OutputFile.checkTarget(out.resolve(CONFUSION), force);
        }
        SemDataset dataset = DatasetOpener.open(data);
        List<SemSample> labelled = new ArrayList<>();
        for (SemSample s : dataset.samples()) {
            if (s.label() != null) {
                labelled.add(s);
            }
        }
        if (labelled.isEmpty()) {
            throw new DefectLensException(data, "no labelled images to evaluate on");
        }
        SemDataset scored = new SemDataset(dataset.root(), dataset.layout(), labelled, dataset.classes());
        PrintWriter err = spec.commandLine().getErr();
        ClassificationMetrics metrics;
        try (SplitClassifier net = ModelBundle.load(model); SemClassifier classifier = new SemClassifier(net)) {
            classifier.requireClassesOf(scored);
            List<Prediction> predictions;
            try (TerminalProgress progress = new TerminalProgress(err, "sem evaluate")) {
                predictions = classifier.classifyAll(scored, 1,
                        batch > 0 ? batch : SemClassifier.recommendedBatch(net.input()), progress);
            }
            List<String> classes = net.classes();
            int[] truth = new int[labelled.size()];
            int[] predicted = new int[labelled.size()];
            for (int i = 0; i < truth.length; i++) {
                truth[i] = classes.indexOf(labelled.get(i).label());
                predicted[i] = classes.indexOf(predictions.get(i).label());
            }
            metrics = ClassificationMetrics.of(classes, truth, predicted);
        }
        if (out != null) {
            MetricCharts.writeF1Chart(metrics, out.resolve(F1_CHART));
            MetricCharts.writeConfusion(metrics, out.resolve(CONFUSION));
        }
        PrintWriter stdout = spec.commandLine().getOut();
        if (json.on()) {
            Map<String, Object> root = metrics.toMap();
            stdout.println(Json.write(root));
        } else {
            stdout.printf(Locale.ROOT, "accuracy %.4f  macro F1 %.4f  micro F1 %.4f (%d images)%n", metrics.accuracy(),
                    metrics.macroF1(), metrics.microF1(), metrics.total());
            metrics.perClass().forEach(s -> stdout.printf(Locale.ROOT, "  %-16s P %.3f R %.3f F1 %.3f n %d%n",
                    s.label(), s.precision(), s.recall(), s.f1(), s.support()));
        }
        stdout.flush();
        return 0;
    }
}
