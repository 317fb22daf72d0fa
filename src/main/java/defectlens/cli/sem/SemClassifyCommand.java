package defectlens.cli.sem;

import defectlens.cli.Json;
import defectlens.cli.JsonOption;
import defectlens.cli.SkippedImages;
import defectlens.cli.TerminalProgress;
import defectlens.core.DefectLensException;
import defectlens.dataset.DatasetOpener;
import defectlens.dataset.SemDataset;
import defectlens.image.SemImageReader;
import defectlens.model.ClassProbability;
import defectlens.model.ModelBundle;
import defectlens.model.Prediction;
import defectlens.model.SemClassifier;
import defectlens.model.SplitClassifier;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Callable;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine;

/**
 * {@code sem classify}: the top classes with probabilities of one image or of every image of a data set.
 * With {@code --data}, an unreadable image is reported ({@code warning: skipped ...}, and under
 * {@code skipped} in {@code --json}) and left out; the others are classified and printed, exit 0.
 */
@Command(name = "classify", mixinStandardHelpOptions = true,
        description = "Classifies one SEM image or a whole data set with a model bundle.")
public final class SemClassifyCommand implements Callable<Integer> {
    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Option(names = "--model", required = true, description = "Model bundle folder.")
    Path model;

    static final class Source {
        @Option(names = "--image", description = "One image file.")
        Path image;

        @Option(names = "--data", description = "A data set folder.")
        Path data;
    }

    @ArgGroup(exclusive = true, multiplicity = "1")
    Source source;

    @Option(names = "--top", defaultValue = "3", description = "Classes per image (default: ${DEFAULT-VALUE}).")
    int top;

    @Option(names = "--batch", defaultValue = "0",
            description = "Batch size for --data; 0 = by input size, 8 at 128 px down to 1 at 384 px, as memory allows (default: ${DEFAULT-VALUE}).")
    int batch;

    @Mixin
    JsonOption json;

    @Override
    public Integer call() {
        if (top < 1 || batch < 0) {
            throw new DefectLensException(model, "--top must be at least 1 and --batch at least 0");
        }
        PrintWriter err = spec.commandLine().getErr();
        List<Prediction> predictions;
        List<String> truth = new ArrayList<>();
        SkippedImages skipped = new SkippedImages(err);
        try (SplitClassifier net = ModelBundle.load(model); SemClassifier classifier = new SemClassifier(net)) {
            if (source.image != null) {
                String id = source.image.getFileName().toString();
                predictions = List.of(classifier.classify(id, SemImageReader.read(source.image), top));
                truth.add(null);
            } else {
                SemDataset data = DatasetOpener.open(source.data);
                int step = batch > 0 ? batch : SemClassifier.recommendedBatch(net.input());
                try (TerminalProgress progress = new TerminalProgress(err, "sem classify")) {
                    skipped.below(progress);
                    predictions = classifier.classifyAll(data, top, step, progress, skipped::add);
                }
                skipped.requireSomeRead(source.data, predictions.size(), data.size());
                Set<Path> left = new HashSet<>();
                skipped.all().forEach(k -> left.add(k.file()));
                data.samples().stream().filter(s -> !left.contains(s.image())).forEach(s -> truth.add(s.label()));
            }
        }
        PrintWriter out = spec.commandLine().getOut();
        if (json.on()) {
            List<Map<String, Object>> rows = new ArrayList<>();
            for (int i = 0; i < predictions.size(); i++) {
                Prediction p = predictions.get(i);
                Map<String, Object> row = new LinkedHashMap<>();
                row.put("id", p.id());
                if (truth.get(i) != null) {
                    row.put("label", truth.get(i));
                }
                List<Map<String, Object>> topList = new ArrayList<>();
                for (ClassProbability c : p.top()) {
                    topList.add(Map.of("class", c.label(), "probability", c.probability()));
                }
                row.put("top", topList);
                rows.add(row);
            }
            Map<String, Object> doc = new LinkedHashMap<>();
            doc.put("model", model.toString());
            doc.put("predictions", rows);
            doc.put("skipped", skipped.json());
            out.println(Json.write(doc));
        } else {
            for (Prediction p : predictions) {
                StringBuilder line = new StringBuilder(p.id());
                for (ClassProbability c : p.top()) {
                    line.append(String.format(Locale.ROOT, "  %s %.3f", c.label(), c.probability()));
                }
                out.println(line);
            }
            if (skipped.count() > 0) {
                out.println("skipped " + skipped.count() + " unreadable image(s): see the warnings on stderr");
            }
        }
        out.flush();
        return 0;
    }
}
