package defectlens.cli.mask;

import defectlens.cli.Json;
import defectlens.cli.JsonOption;
import defectlens.cli.ModelOpener;
import defectlens.cli.SkippedImages;
import defectlens.cli.TerminalProgress;
import defectlens.core.DefectLensException;
import defectlens.dataset.DatasetOpener;
import defectlens.dataset.SemDataset;
import defectlens.dataset.SemSample;
import defectlens.explain.Explainer;
import defectlens.explain.Explainers;
import defectlens.image.ImageRaster;
import defectlens.mask.MaskSuggestion;
import defectlens.mask.SeedBoxFile;
import defectlens.mask.candidate.CandidateGenerator;
import defectlens.mask.candidate.CandidateHints;
import defectlens.mask.candidate.CandidateHints.SeedBox;
import defectlens.mask.candidate.GrabCutCandidate;
import defectlens.mask.candidate.HeatmapCandidate;
import defectlens.mask.candidate.LineSpaceCandidate;
import defectlens.mask.candidate.Sam2Candidate;
import defectlens.model.SplitClassifier;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.function.BiFunction;
import java.util.function.Function;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * {@code mask suggest}: runs one candidate generator over a data set and writes the candidates as a Carinthia-S
 * data set that refers to the source's images ({@link MaskSuggestion}).
 */
@Command(name = "suggest", mixinStandardHelpOptions = true,
        description = {"Suggests a candidate defect mask for every image of a data set.",
            "Writes OUT/data/masks/*.png (0/255), OUT/data/carinthia-s.csv referring to the source images, "
                    + "OUT/derived.json."})
public final class MaskSuggestCommand implements Callable<Integer> {
    /** The generators this command knows. */
    static final List<String> METHODS = List.of(LineSpaceCandidate.NAME, HeatmapCandidate.NAME, GrabCutCandidate.NAME,
            Sam2Candidate.NAME);

    private final ModelOpener models;

    /** A command that opens {@code --model} with {@code models}. */
    public MaskSuggestCommand(ModelOpener models) {
        this.models = models;
    }

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Option(names = "--data", required = true, description = "Data set (Carinthia or Carinthia-S layout).")
    Path data;

    @Option(names = "--method", required = true, description = "Generator: lines, heatmap, grabcut, sam2.")
    String method;

    @Option(names = "--sam2-model", paramLabel = "DIR",
            description = "Folder of a SAM2 TorchScript export (NAME/NAME.pt, see docs/masks.md); --method sam2.")
    Path sam2Model;

    @Option(names = "--box", paramLabel = "x,y,w,h",
            description = "A box around the defect, the same for every image (grabcut: its seed; sam2: its prompt).")
    String box;

    @Option(names = "--boxes", paramLabel = "CSV",
            description = "Boxes per image: CSV filename;x;y;width;height (grabcut seeds, sam2 prompts); images "
                    + "without a row get no box.")
    Path boxes;

    @Option(names = "--model", description = "Model folder (heatmap: the classifier to explain).")
    Path model;

    @Option(names = "--explainer", defaultValue = "gradcam",
            description = "Explanation method for --method heatmap (default: ${DEFAULT-VALUE}).")
    String explainer;

    @Option(names = "--out", required = true, description = "Folder for the candidate data set.")
    Path out;

    @Option(names = "--force", description = "Write into a folder that is not empty (files of the same name are "
            + "replaced).")
    boolean force;

    @Mixin
    JsonOption json;

    @Override
    public Integer call() {
        String name = method.trim().toLowerCase(Locale.ROOT);
        if (!METHODS.contains(name)) {
            throw new DefectLensException(data, "unknown --method '" + method + "'; known: " + String.join(", ",
                    METHODS));
        }
        if (name.equals(HeatmapCandidate.NAME) && model == null) {
            throw new DefectLensException(data, "--method heatmap needs --model (the classifier to explain)");
        }
        if (name.equals(Sam2Candidate.NAME) && sam2Model == null) {
            throw new DefectLensException(data, "--method sam2 needs --sam2-model DIR (a SAM2 TorchScript export, "
                    + "see docs/masks.md)");
        }
        if (box != null && boxes != null) {
            throw new DefectLensException(data, "give --box or --boxes, not both");
        }
        Function<SemSample, SeedBox> seeds = seeds();
        SemDataset dataset = DatasetOpener.open(data);
        PrintWriter err = spec.commandLine().getErr();
        SkippedImages skipped = new SkippedImages(err);
        MaskSuggestion.Result result;
        try (SplitClassifier classifier = name.equals(HeatmapCandidate.NAME) ? models.open(model) : null;
                Sam2Candidate sam = name.equals(Sam2Candidate.NAME) ? Sam2Candidate.open(sam2Model) : null;
                TerminalProgress progress = new TerminalProgress(err, "mask suggest (" + name + ", "
                        + dataset.size() + " images)")) {
            skipped.below(progress);
            CandidateGenerator generator = sam != null ? sam : generator(name);
            BiFunction<SemSample, ImageRaster, CandidateHints> heat = hints(classifier);
            MaskSuggestion suggestion = new MaskSuggestion(generator, (s, image) -> new CandidateHints(
                    heat.apply(s, image).heatmap(), seeds.apply(s)));
            result = suggestion.write(dataset, out, force, progress, skipped::add);
        }
        PrintWriter stdout = spec.commandLine().getOut();
        if (json.on()) {
            Map<String, Object> root = new LinkedHashMap<>();
            root.put("out", result.out().toString());
            root.put("method", result.method());
            root.put("images", result.images());
            root.put("non_empty", result.nonEmpty());
            root.put("skipped", skipped.json());
            stdout.println(Json.write(root));
        } else {
            stdout.printf(Locale.ROOT, "wrote %d %s candidates (%d not empty) to %s%n", result.images(),
                    result.method(), result.nonEmpty(), result.out());
        }
        stdout.flush();
        return 0;
    }

    /** The box of each image: none, the same {@code --box} for all, or its row of {@code --boxes}. */
    private Function<SemSample, SeedBox> seeds() {
        if (box != null) {
            SeedBox one;
            try {
                one = SeedBoxFile.parse(box);
            } catch (IllegalArgumentException e) {
                throw new DefectLensException(data, "--box: " + e.getMessage());
            }
            return s -> one;
        }
        if (boxes != null) {
            Map<String, SeedBox> byName = SeedBoxFile.read(boxes);
            return s -> byName.getOrDefault(s.fileName(), byName.get(s.id()));
        }
        return s -> null;
    }

    private static CandidateGenerator generator(String name) {
        return switch (name) {
            case HeatmapCandidate.NAME -> new HeatmapCandidate();
            case GrabCutCandidate.NAME -> new GrabCutCandidate();
            default -> new LineSpaceCandidate();
        };
    }

    /** No hints, or (with a classifier) the explanation of each image's labelled (else predicted) class. */
    private BiFunction<SemSample, ImageRaster, CandidateHints> hints(SplitClassifier classifier) {
        if (classifier == null) {
            return (s, image) -> CandidateHints.NONE;
        }
        Explainer cam = Explainers.camByName(explainer.trim().toLowerCase(Locale.ROOT));
        return (s, image) -> {
            int target = s.label() == null ? Explainer.PREDICTED : classifier.classes().indexOf(s.label());
            return new CandidateHints(cam.explain(classifier, image, target < 0 ? Explainer.PREDICTED : target),
                    null);
        };
    }
}
