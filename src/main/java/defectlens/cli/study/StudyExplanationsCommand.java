package defectlens.cli.study;

import defectlens.cli.CommandFactory;
import defectlens.cli.Json;
import defectlens.cli.JsonOption;
import defectlens.cli.ModelOpener;
import defectlens.cli.SkippedImages;
import defectlens.cli.TerminalProgress;
import defectlens.core.DefectLensException;
import defectlens.dataset.DatasetOpener;
import defectlens.dataset.SemDataset;
import defectlens.dataset.SemSample;
import defectlens.dataset.SkippedSample;
import defectlens.explain.ExplanationPictures;
import defectlens.model.SplitClassifier;
import defectlens.study.StudyFolder;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code study explanations --study DIR [--model DIR] [--banks DIR] [--[no-]fit-banks]}: computes every method's
 * explanation of every study image with the model (explaining its predicted class) and stores the pictures the
 * rating window shows, {@code explanations/<method>/<image id>.png}, and the class each image's pictures explain
 * ({@code explanations/classes.json}). CRAFT's concept banks are taken from {@code --banks} (default: the study's
 * {@code concept-banks} folder); a missing bank is fitted on the data set's images of its class and saved there
 * unless {@code --no-fit-banks}. Pictures already there are kept, so an interrupted run resumes. The work is
 * {@link ExplanationPictures}, the same the window's new-study wizard runs. A study image that cannot be read is
 * reported ({@code warning: skipped ...}, {@code skipped} in {@code --json}) and left out.
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
    @Option(names = "--model", description = "The model bundle to explain (default: the one the plan names).")
    Path model;
    @Option(names = "--banks", description = "Concept-bank root for craft (default: <study>/concept-banks).")
    Path banks;
    @Option(names = "--fit-banks", negatable = true, defaultValue = "true", fallbackValue = "true",
            description = "Fit a missing CRAFT concept bank on the data set's images of its class and save it under "
                    + "--banks (default; --no-fit-banks stops with an error instead).")
    boolean fitBanks;
    @Option(names = "--craft-images", defaultValue = "16", description = "Images per class a bank is fitted on (default ${DEFAULT-VALUE}).")
    int craftImages;
    @Option(names = "--craft-concepts", defaultValue = "10", description = "Concepts per bank (default ${DEFAULT-VALUE}).")
    int craftConcepts;
    @Option(names = "--craft-iterations", defaultValue = "500", description = "NMF iterations of a fit (default ${DEFAULT-VALUE}).")
    int craftIterations;
    @Option(names = "--craft-designs", defaultValue = "32", description = "Sobol designs of concept importance (default ${DEFAULT-VALUE}).")
    int craftDesigns;
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
        Path modelDir = model != null ? model : folder.modelDir().orElseThrow(() -> new DefectLensException(
                folder.dir().resolve(StudyFolder.PLAN_FILE), "the plan names no model folder: give --model DIR"));
        PrintWriter err = spec.commandLine().getErr();
        ExplanationPictures.Settings settings = new ExplanationPictures.Settings(
                banks != null ? banks : folder.dir().resolve("concept-banks"), fitBanks, craftImages, craftConcepts,
                craftIterations, craftDesigns, threshold, opacity, force);
        ExplanationPictures.Result result;
        try (SplitClassifier classifier = models.open(modelDir);
                TerminalProgress progress = new TerminalProgress(err, "explanations")) {
            result = compute(folder, classifier, modelDir, settings, progress);
        }
        SkippedImages skipped = new SkippedImages(err);
        result.skipped().forEach(s -> skipped.add(new SkippedSample(s.id(), s.image(), s.problem())));
        result.degenerate().forEach(d -> err.println("warning: " + d));
        int images = folder.plan().images().size();
        skipped.requireSomeRead(study, images - skipped.count(), images);
        PrintWriter o = spec.commandLine().getOut();
        Map<String, Object> doc = new LinkedHashMap<>();
        doc.put("study", folder.dir().toString());
        doc.put("written", result.written());
        doc.put("kept", result.kept());
        doc.put("fittedBanks", result.fittedBanks());
        doc.put("degenerate", result.degenerate().size());
        doc.put("skipped", skipped.json());
        doc.put("unavailable", folder.unavailableItems().size());
        if (json.on()) {
            o.println(Json.write(doc));
        } else {
            o.println("explanation pictures written " + result.written() + ", kept " + result.kept()
                    + (result.fittedBanks().isEmpty() ? "" : ", concept banks fitted: " + result.fittedBanks())
                    + (result.degenerate().isEmpty() ? "" : ", degenerate maps: " + result.degenerate().size())
                    + (skipped.count() > 0 ? ", skipped (unreadable image): " + skipped.count() : ""));
        }
        return 0;
    }

    /**
     * The pictures of a study's plan with a model (the study's images; banks fitted on its data set's images of
     * each class), recording the classes explained in the study folder.
     */
    static ExplanationPictures.Result compute(StudyFolder folder, SplitClassifier classifier, Path modelDir,
            ExplanationPictures.Settings settings, TerminalProgress progress) {
        List<SemSample> samples = datasetSamples(folder);
        String modelName = modelDir.toAbsolutePath().normalize().getFileName().toString();
        ExplanationPictures.Result r = ExplanationPictures.compute(classifier, modelName, folder.plan().methods(),
                folder.imageFiles(), folder::pictureFile,
                cls -> samples.stream().filter(s -> cls.equals(s.label())).map(SemSample::image).toList(),
                settings, progress);
        folder.explainedClasses().record(r.explainedClasses());
        return r;
    }

    private static List<SemSample> datasetSamples(StudyFolder folder) {
        try {
            SemDataset d = DatasetOpener.open(folder.datasetDir());
            return d.samples();
        } catch (DefectLensException e) {
            return List.of();
        }
    }
}
