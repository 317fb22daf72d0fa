package defectlens.cli.explain;

import ai.djl.ndarray.NDManager;
import defectlens.cli.CommandFactory;
import defectlens.cli.Json;
import defectlens.cli.JsonOption;
import defectlens.cli.LayerOption;
import defectlens.cli.ModelOpener;
import defectlens.cli.SkippedImages;
import defectlens.cli.TerminalProgress;
import defectlens.core.DefectLensException;
import defectlens.dataset.DatasetOpener;
import defectlens.dataset.SemDataset;
import defectlens.dataset.SemSample;
import defectlens.explain.Explainer;
import defectlens.explain.Explainers;
import defectlens.explain.Heatmap;
import defectlens.explain.ExplanationLayer;
import defectlens.explain.craft.ConceptBank;
import defectlens.explain.craft.ConceptBankFitter;
import defectlens.explain.craft.ConceptMaps;
import defectlens.explain.craft.ConceptShares;
import defectlens.explain.craft.CraftExplainer;
import defectlens.explain.craft.CraftOptions;
import defectlens.explain.metrics.EvaluationReport;
import defectlens.explain.metrics.ExplanationEvaluator;
import defectlens.explain.metrics.FaithfulnessCurves;
import defectlens.explain.metrics.MethodCorrelations;
import defectlens.explain.metrics.MetricSummary;
import defectlens.explain.metrics.SanityChecks;
import defectlens.explain.metrics.SanityReport;
import defectlens.image.BinaryMask;
import defectlens.image.ImageRaster;
import defectlens.image.SemImageReader;
import defectlens.model.ModelInputs;
import defectlens.model.SplitClassifier;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.stream.Collectors;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine;

/**
 * {@code explain evaluate}: runs explanation methods over every image of a data set that has a
 * non-empty mask and reports, per method, mean and sd of pixel Accuracy, Precision, Recall, Dice and
 * IoU of the thresholded heatmap against the mask, the pointing-game hit rate and deletion/insertion
 * areas; writes the table as Markdown and CSV. CRAFT's concept banks are fitted per class from the
 * data set's images of that class (or loaded from / saved to {@code --banks}). An image or mask that
 * cannot be read is reported ({@code warning: skipped ...}, {@code skipped} in {@code --json}) and left out.
 */
@Command(name = "evaluate", mixinStandardHelpOptions = true,
        description = "Measures heatmaps against expert masks (Accuracy, Precision, Recall, Dice, IoU, pointing game, deletion/insertion AUC).")
public final class ExplainEvaluateCommand implements Callable<Integer> {
    private final ModelOpener models;

    /** A command that opens {@code --model} with {@code models} (see {@link CommandFactory}). */
    public ExplainEvaluateCommand(ModelOpener models) {
        this.models = models;
    }

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Option(names = "--model", required = true, description = "Model folder.")
    Path model;

    @Option(names = "--data", required = true, description = "Data set with masks (Carinthia-S layout).")
    Path data;

    @Option(names = "--methods", defaultValue = "gradcam,craft", split = ",",
            description = "Methods: gradcam, gradcam++, hirescam, xgradcam, layercam, eigencam, scorecam, "
                    + "multilayercam, craft; "
                    + "NAME+tta smooths CAMs (default: ${DEFAULT-VALUE}).")
    List<String> methods;

    @Option(names = "--threshold", defaultValue = "0.5", description = "Threshold on the normalised map (default: ${DEFAULT-VALUE}).")
    double threshold;

    @Option(names = "--target", defaultValue = "label",
            description = "Class to explain: 'label' (the image's class, predicted when unknown) or 'predicted' (default: ${DEFAULT-VALUE}).")
    String target;

    @Option(names = "--pointing-tolerance", defaultValue = "15", paramLabel = "PX",
            description = "Pointing game: a hit when the map's maximum is within this many pixels of the mask "
                    + "(Zhang et al.; 0 = on the mask itself; default: ${DEFAULT-VALUE}).")
    int pointingTolerance;

    @Option(names = "--steps", defaultValue = "20", description = "Deletion/insertion steps; 0 skips the curves (default: ${DEFAULT-VALUE}).")
    int steps;

    @Option(names = "--top-k", defaultValue = "1000",
            description = "k of the top-k intersection (Quantus's default: ${DEFAULT-VALUE}).")
    int topK;

    @Option(names = "--sanity", defaultValue = "0", paramLabel = "N",
            description = "Also run the sanity checks (cascading model-parameter randomisation, random logit) on the "
                    + "first N images with masks, written to explain-sanity.md; 0 skips (default: ${DEFAULT-VALUE}).")
    int sanity;

    @Option(names = "--limit", description = "Evaluate at most this many images with masks.")
    Integer limit;

    @Option(names = "--craft-patch", description = "CRAFT crop size in image pixels (default: a third of the first "
            + "image's smaller side; half the window for a sliding-window model).")
    Integer craftPatch;

    @Option(names = "--craft-concepts", defaultValue = "10", description = "CRAFT concepts per class (default: ${DEFAULT-VALUE}).")
    int craftConcepts;

    @Option(names = "--craft-images", defaultValue = "50", description = "Images per class to fit CRAFT concepts on (default: ${DEFAULT-VALUE}).")
    int craftImages;

    @Option(names = "--craft-iterations", defaultValue = "500", description = "NMF iterations of a CRAFT fit (default: ${DEFAULT-VALUE}).")
    int craftIterations;

    @Option(names = "--banks", description = "Folder of concept banks: reused when present, written when fitted.")
    Path banks;

    @Option(names = "--out", defaultValue = "explain-evaluation", description = "Folder for the Markdown and CSV tables (default: ${DEFAULT-VALUE}).")
    Path out;

    @Mixin
    JsonOption json;

    @Mixin
    LayerOption layerOption;

    private ExplanationLayer layer;

    private SkippedImages skipped;
    private final ConceptShares shares = new ConceptShares();

    /** CRAFT that keeps the concept maps of its last image, for the concepts' shares of the mask. */
    private static final class Recording implements Explainer {
        private final CraftExplainer craft;
        private ConceptMaps last;

        Recording(CraftExplainer craft) {
            this.craft = craft;
        }

        @Override
        public String name() {
            return craft.name();
        }

        @Override
        public Heatmap explain(SplitClassifier model, ImageRaster image, int targetClass) {
            last = craft.conceptMaps(model, image, targetClass);
            return last.craftHeatmap(name(), image.width(), image.height());
        }
    }

    private void appendToReport(String markdown) {
        Path file = out.resolve("explain-evaluation.md");
        try {
            Files.writeString(file, "\n" + markdown, java.nio.file.StandardOpenOption.APPEND);
        } catch (java.io.IOException e) {
            throw new DefectLensException(file, "cannot write the evaluation report: " + e.getMessage(), e);
        }
    }

    @Override
    public Integer call() {
        if (!(threshold >= 0 && threshold <= 1)) {
            throw new DefectLensException("--threshold must be in [0, 1], not " + threshold);
        }
        if (!target.equals("label") && !target.equals("predicted")) {
            throw new DefectLensException("--target must be 'label' or 'predicted', not '" + target + "'");
        }
        SemDataset dataset = DatasetOpener.open(data);
        List<SemSample> withMasks = dataset.samples().stream().filter(s -> s.mask() != null)
                .limit(limit == null ? Long.MAX_VALUE : limit).collect(Collectors.toList());
        if (withMasks.isEmpty()) {
            throw new DefectLensException(data, "no image of this data set has a mask");
        }
        PrintWriter err = spec.commandLine().getErr();
        skipped = new SkippedImages(err);
        try (SplitClassifier whole = models.open(model)) {
            layer = layerOption.choose(whole, model);
            SplitClassifier classifier = layer.model();
            err.println("explain evaluate: " + layer.describe());
            Map<String, Explainer> explainers = new LinkedHashMap<>();
            for (String m : methods) {
                String name = m.trim().toLowerCase(Locale.ROOT);
                explainers.put(name, name.equals("craft") ? new Recording(craft(classifier, dataset, withMasks, err))
                        : Explainers.camByName(name));
            }
            Iterable<ExplanationEvaluator.Case> lazy = () -> readable(withMasks, classifier);
            FaithfulnessCurves curves = steps > 0 ? new FaithfulnessCurves(steps, FaithfulnessCurves.Baseline.BLUR, 16) : null;
            ExplanationEvaluator.Evaluation evaluation;
            try (TerminalProgress progress = new TerminalProgress(err, "explain evaluate (" + withMasks.size()
                    + " images)")) {
                skipped.below(progress);
                ExplanationEvaluator evaluator = new ExplanationEvaluator(threshold, curves, pointingTolerance);
                evaluation = evaluator.withTopK(topK).withListener((c, m, h) -> {
                    if (explainers.get(m) instanceof Recording r && r.last != null) {
                        shares.add(r.last, c.mask());
                    }
                }).evaluateAll(classifier, explainers, lazy, progress);
            }
            int read = withMasks.size() - (int) withMasks.stream().filter(s -> skipped.contains(s)).count();
            skipped.requireSomeRead(data, read, withMasks.size());
            EvaluationReport.write(out, evaluation, threshold);
            if (!shares.shares().isEmpty()) {
                appendToReport(shares.markdown());
            }
            SanityChecks.Report sane = sanity > 0 ? sanity(classifier, explainers, withMasks, err) : null;
            PrintWriter stdout = spec.commandLine().getOut();
            if (json.on()) {
                Map<String, Object> root = summary(evaluation, withMasks.size());
                root.put("sanity", sane == null ? null : SanityReport.json(sane));
                stdout.println(Json.write(root));
            } else {
                stdout.print(EvaluationReport.markdown(evaluation, threshold));
                if (!shares.shares().isEmpty()) {
                    stdout.print("\n" + shares.markdown());
                }
                if (sane != null) {
                    stdout.print("\n" + SanityReport.markdown(sane, List.copyOf(explainers.keySet())));
                }
            }
            stdout.flush();
            return 0;
        }
    }

    /** The sanity checks on the first {@code --sanity} readable images, with a second copy of the model to randomise. */
    private SanityChecks.Report sanity(SplitClassifier classifier, Map<String, Explainer> explainers,
            List<SemSample> samples, PrintWriter err) {
        List<ImageRaster> images = new ArrayList<>();
        List<Integer> targets = new ArrayList<>();
        for (SemSample s : samples) {
            if (images.size() >= sanity) {
                break;
            }
            try {
                ExplanationEvaluator.Case c = load(s, classifier);
                images.add(c.image());
                targets.add(c.targetClass());
            } catch (DefectLensException e) {
                skipped.add(s, e);
            }
        }
        try (SplitClassifier copy = models.open(model)) {
            SplitClassifier copyAt = ExplanationLayer.choose(copy, layer.layer().name()).model();
            if (copyAt.randomizableLayers().isEmpty()) {
                throw new DefectLensException(model, "the sanity checks need a model whose weights can be randomised "
                        + "(a DJL EfficientNetV2 bundle, not an imported TorchScript one)");
            }
            SanityChecks.Report report;
            try (TerminalProgress progress = new TerminalProgress(err, "sanity checks (" + images.size() + " images)")) {
                report = SanityChecks.run(classifier, copyAt, explainers, images, targets, 20L, progress);
            }
            Path file = out.resolve("explain-sanity.md");
            try {
                Files.writeString(file, "# Sanity checks\n\n" + layer.describe() + "\n\n"
                        + SanityReport.markdown(report, List.copyOf(explainers.keySet())));
            } catch (java.io.IOException e) {
                throw new DefectLensException(file, "cannot write the sanity report: " + e.getMessage(), e);
            }
            return report;
        }
    }

    /** The cases of {@code samples} whose image and mask can be read; the others are reported and skipped. */
    private Iterator<ExplanationEvaluator.Case> readable(List<SemSample> samples, SplitClassifier classifier) {
        Iterator<SemSample> it = samples.iterator();
        return new Iterator<>() {
            private ExplanationEvaluator.Case next;

            @Override
            public boolean hasNext() {
                while (next == null && it.hasNext()) {
                    SemSample s = it.next();
                    try {
                        next = load(s, classifier);
                    } catch (DefectLensException e) {
                        skipped.add(s, e);
                    }
                }
                return next != null;
            }

            @Override
            public ExplanationEvaluator.Case next() {
                if (!hasNext()) {
                    throw new NoSuchElementException();
                }
                ExplanationEvaluator.Case c = next;
                next = null;
                return c;
            }
        };
    }

    /** The image of {@code s}, or empty (reported as skipped) when it cannot be read. */
    private Optional<ImageRaster> tryRead(SemSample s) {
        try {
            return Optional.of(SemImageReader.read(s.image()));
        } catch (DefectLensException e) {
            skipped.add(s, e);
            return Optional.empty();
        }
    }

    private ExplanationEvaluator.Case load(SemSample s, SplitClassifier classifier) {
        ImageRaster image = SemImageReader.read(s.image());
        BinaryMask mask = BinaryMask.read(s.mask());
        int cls = Explainer.PREDICTED;
        if (target.equals("label") && s.label() != null) {
            int i = classifier.classes().indexOf(s.label());
            cls = i >= 0 ? i : Explainer.PREDICTED;
        }
        return new ExplanationEvaluator.Case(s.id(), image, mask, cls);
    }

    private CraftExplainer craft(SplitClassifier classifier, SemDataset dataset, List<SemSample> evaluated, PrintWriter err) {
        Map<Integer, ConceptBank> fitted = new HashMap<>();
        String modelName = model.toAbsolutePath().normalize().getFileName().toString();
        int patch = craftPatch == null ? 0 : craftPatch;
        if (craftPatch == null) {
            ImageRaster first = evaluated.stream().map(this::tryRead).flatMap(Optional::stream).findFirst()
                    .orElseThrow(() -> new DefectLensException(data, "none of the " + evaluated.size()
                            + " images with masks could be read"));
            patch = CraftOptions.defaultPatch(classifier, first.width(), first.height());
        }
        CraftOptions d = CraftOptions.defaults(patch);
        CraftOptions options = new CraftOptions(patch, d.strideFraction(), craftConcepts, craftIterations, d.seed(),
                d.sobolDesigns(), Math.min(craftImages, d.importanceImages()), d.batchSize(), d.policy());
        return new CraftExplainer(cls -> fitted.computeIfAbsent(cls, c -> bank(classifier, dataset, c, modelName, options, err)));
    }

    private ConceptBank bank(SplitClassifier classifier, SemDataset dataset, int cls, String modelName,
            CraftOptions options, PrintWriter err) {
        String className = classifier.classes().get(cls);
        Path folder = banks == null ? null : ConceptBank.folderFor(banks, modelName, className);
        if (folder != null && Files.isDirectory(folder)) {
            return ConceptBank.load(folder);
        }
        List<ImageRaster> images = dataset.samples().stream().filter(s -> className.equals(s.label()))
                .map(this::tryRead).flatMap(Optional::stream).limit(craftImages).collect(Collectors.toList());
        if (images.isEmpty()) {
            err.printf("craft %s: no image labelled %s, fitting on images predicted as it%n", className, className);
            images = predictedAs(classifier, dataset, cls);
        }
        if (images.isEmpty()) {
            throw new DefectLensException(data, "no image of class " + className + " to fit CRAFT concepts on");
        }
        ConceptBank bank;
        try (TerminalProgress progress = new TerminalProgress(err, "craft " + className)) {
            bank = new ConceptBankFitter(options).fit(classifier, modelName, cls, images, progress);
        }
        if (folder != null) {
            bank.save(folder);
        }
        return bank;
    }

    private List<ImageRaster> predictedAs(SplitClassifier classifier, SemDataset dataset, int cls) {
        List<ImageRaster> out = new ArrayList<>();
        for (SemSample s : dataset.samples()) {
            if (out.size() >= craftImages) {
                break;
            }
            Optional<ImageRaster> read = tryRead(s);
            if (read.isEmpty()) {
                continue;
            }
            ImageRaster image = read.get();
            try (NDManager m = NDManager.newBaseManager()) {
                if (classifier.logits(ModelInputs.tensor(image, classifier.input(), m)).argMax(1).getLong(0) == cls) {
                    out.add(image);
                }
            }
        }
        return out;
    }

    private Map<String, Object> summary(ExplanationEvaluator.Evaluation evaluation, int images) {
        List<ExplanationEvaluator.MethodResult> results = evaluation.methods();
        Map<String, Object> root = new LinkedHashMap<>();
        root.put("model", model.toString());
        root.put("data", data.toString());
        root.put("layer", layer.layer().name());
        root.put("layerByRule", layer.byRule());
        root.put("layerMap", List.of(layer.layer().height(), layer.layer().width()));
        root.put("threshold", threshold);
        root.put("pointingTolerance", pointingTolerance);
        root.put("target", target);
        root.put("imagesWithMasks", images);
        List<Map<String, Object>> rows = new ArrayList<>();
        for (ExplanationEvaluator.MethodResult r : results) {
            Map<String, Object> row = new LinkedHashMap<>();
            row.put("method", r.method());
            row.put("images", r.images());
            row.put("degenerate", r.degenerate());
            row.put("accuracy", stat(r.accuracy()));
            row.put("precision", stat(r.precision()));
            row.put("recall", stat(r.recall()));
            row.put("dice", stat(r.dice()));
            row.put("iou", stat(r.iou()));
            row.put("pointingGame", Double.isNaN(r.pointingGame()) ? null : r.pointingGame());
            row.put("deletionAuc", stat(r.deletionAuc()));
            row.put("insertionAuc", stat(r.insertionAuc()));
            row.put("relevanceMassAccuracy", stat(r.relevanceMass()));
            row.put("relevanceRankAccuracy", stat(r.relevanceRank()));
            row.put("topKIntersection", stat(r.topK()));
            row.put("auc", stat(r.auc()));
            rows.add(row);
        }
        root.put("methods", rows);
        root.put("topK", topK);
        List<Map<String, Object>> pairs = new ArrayList<>();
        for (MethodCorrelations.Pair p : evaluation.correlations().pairs()) {
            Map<String, Object> pair = new LinkedHashMap<>();
            pair.put("methods", List.of(p.first(), p.second()));
            pair.put("pearson", stat(p.pearson()));
            pairs.add(pair);
        }
        root.put("correlations", pairs);
        root.put("conceptShares", shares.shares());
        root.put("skipped", skipped.json());
        root.put("markdown", out.resolve("explain-evaluation.md").toString());
        root.put("csv", out.resolve("explain-evaluation.csv").toString());
        return root;
    }

    private static Map<String, Object> stat(MetricSummary m) {
        Map<String, Object> s = new LinkedHashMap<>();
        s.put("mean", Double.isNaN(m.mean()) ? null : m.mean());
        s.put("sd", Double.isNaN(m.sd()) ? null : m.sd());
        return s;
    }
}
