package defectlens.cli.study;

import defectlens.cli.CommandFactory;
import defectlens.cli.Json;
import defectlens.cli.JsonOption;
import defectlens.cli.ModelOpener;
import defectlens.cli.SkippedImages;
import defectlens.core.DefectLensException;
import defectlens.dataset.SkippedSample;
import defectlens.explain.Explainer;
import defectlens.explain.Explainers;
import defectlens.explain.ExplanationPicture;
import defectlens.explain.Heatmap;
import defectlens.image.ArgbImageWriter;
import defectlens.image.Colormap;
import defectlens.image.ImageRaster;
import defectlens.image.SemImageReader;
import defectlens.model.SplitClassifier;
import defectlens.study.StudyFolder;
import defectlens.study.StudyImage;
import defectlens.study.StudyPlan;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code study explanations --study DIR --model DIR [--banks DIR]}: computes every method's explanation
 * of every study image with the model (explaining its predicted class) and stores the pictures the
 * rating window shows, {@code explanations/<method>/<image id>.png}. Pictures already there are kept,
 * so an interrupted run resumes. A study image that cannot be read is reported ({@code warning: skipped ...},
 * {@code skipped} in {@code --json}) and left out; the other pictures are still computed.
 */
@Command(name = "explanations", mixinStandardHelpOptions = true,
        description = "Compute the explanation pictures of a study (explanations/<method>/<id>.png) with a model.")
public final class StudyExplanationsCommand implements Callable<Integer> {
    private final ModelOpener models;

    /** A command that opens {@code --model} with {@code models} (see {@link CommandFactory}). */
    public StudyExplanationsCommand(ModelOpener models) {
        this.models = models;
    }

    @Spec
    CommandSpec spec;
    @Option(names = "--study", required = true, description = "The study folder.")
    Path study;
    @Option(names = "--model", required = true, description = "The model bundle to explain.")
    Path model;
    @Option(names = "--banks", description = "Concept-bank root for craft (as explain evaluate --banks writes).")
    Path banks;
    @Option(names = "--opacity", defaultValue = "0.5", description = "Heatmap opacity over the image (default ${DEFAULT-VALUE}).")
    double opacity;
    @Option(names = "--threshold", defaultValue = "0.2", description = "Heatmap values below this stay plain image (default ${DEFAULT-VALUE}).")
    double threshold;
    @Option(names = "--force", description = "Recompute pictures that exist already.")
    boolean force;
    @Mixin
    JsonOption json;

    @Override
    public Integer call() {
        StudyFolder folder = StudyFolder.open(study);
        StudyPlan plan = folder.plan();
        PrintWriter err = spec.commandLine().getErr();
        Map<String, Integer> written = new LinkedHashMap<>();
        int degenerate = 0;
        int total = plan.images().size() * plan.methods().size();
        int done = 0;
        SkippedImages skipped = new SkippedImages(err);
        try (SplitClassifier classifier = models.open(model)) {
            String modelName = model.toAbsolutePath().normalize().getFileName().toString();
            for (String method : plan.methods()) {
                Explainer explainer = Explainers.byName(method, banks, modelName, classifier.classes());
                written.put(method, 0);
                for (StudyImage img : plan.images()) {
                    Path out = folder.dir().resolve("explanations").resolve(method).resolve(img.id() + ".png");
                    done++;
                    if (!force && Files.isRegularFile(out)) {
                        continue;
                    }
                    Path file = plan.imageFile(folder.dir(), img.id());
                    ImageRaster raster;
                    try {
                        raster = SemImageReader.read(file);
                    } catch (DefectLensException e) {
                        err.println();
                        skipped.add(new SkippedSample(img.id(), file, e.getMessage()));
                        continue;
                    }
                    Heatmap h = explainer.explain(classifier, raster, Explainer.PREDICTED);
                    if (h.isDegenerate()) {
                        degenerate++;
                        err.printf("%nwarning: %s of %s: %s%n", method, img.id(), h.degenerateReason().orElse("degenerate"));
                    }
                    ArgbImageWriter.write(ExplanationPicture.compose(raster, h, Colormap.JET, threshold, opacity), out, 0);
                    written.merge(method, 1, Integer::sum);
                    err.printf("\rexplanations %d/%d", done, total);
                    err.flush();
                }
            }
        }
        err.println();
        skipped.requireSomeRead(study, plan.images().size() - skipped.count(), plan.images().size());
        PrintWriter o = spec.commandLine().getOut();
        Map<String, Object> doc = new LinkedHashMap<>();
        doc.put("study", folder.dir().toString());
        doc.put("written", written);
        doc.put("degenerate", degenerate);
        doc.put("skipped", skipped.json());
        if (json.on()) {
            o.println(Json.write(doc));
        } else {
            o.println("explanation pictures written " + written
                    + (degenerate > 0 ? ", degenerate maps: " + degenerate : "")
                    + (skipped.count() > 0 ? ", skipped (unreadable image): " + skipped.count() : ""));
        }
        return 0;
    }
}
