package defectlens.cli.review;

import defectlens.cli.InterruptCancellation;
import defectlens.cli.Json;
import defectlens.cli.JsonOption;
import defectlens.cli.ModelOpener;
import defectlens.cli.TerminalProgress;
import defectlens.cli.wafer.SymmetryAveragingOption;
import defectlens.core.DefectLensException;
import defectlens.core.OutputFile;
import defectlens.dataset.SemDataset;
import defectlens.model.ModelBundle;
import defectlens.model.ModelManifest;
import defectlens.review.ModelFingerprint;
import defectlens.review.PredictionTable;
import defectlens.review.QueueOrder;
import defectlens.review.QueueSpec;
import defectlens.review.ReviewFolder;
import defectlens.review.ReviewSetup;
import defectlens.review.novelty.NoveltyStore;
import defectlens.wafer.WaferDataset;
import defectlens.wafer.WaferModel;
import defectlens.wafer.WaferModelBundle;
import defectlens.wafer.stacking.BsemlModel;
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

/** {@code review create --data D --model M --out DIR [--order ...] [--classify]}. */
@Command(name = "create", mixinStandardHelpOptions = true,
        description = "Make a review folder for a data set (SEM folder or CSV, or a WM-811K file) and a model bundle.")
final class ReviewCreateCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;
    @Option(names = "--data", required = true, paramLabel = "DATA", description = "SEM data-set folder or CSV, or a wafer file.")
    Path data;
    @Option(names = "--model", required = true, paramLabel = "MODEL_DIR", description = "Model bundle folder.")
    Path model;
    @Option(names = "--out", required = true, paramLabel = "REVIEW_DIR", description = "The review folder to make (new or empty).")
    Path out;
    @Option(names = "--order", defaultValue = "least-certain", paramLabel = "ORDER",
            description = "Queue order: dataset, least-certain, differs, cell, class, audit, novelty (most novel "
                    + "first: needs the model's novelty fit) (default ${DEFAULT-VALUE}).")
    String order;
    @Option(names = "--cell", paramLabel = "TRUTH,PREDICTED", split = ",", description = "The confusion cell of --order cell.")
    List<String> cell;
    @Option(names = "--class", paramLabel = "CLASS", description = "The predicted class of --order class.")
    String className;
    @Option(names = "--audit-size", defaultValue = "50", description = "Items in an audit sample (default ${DEFAULT-VALUE}).")
    int auditSize;
    @Option(names = "--seed", defaultValue = "1", description = "Seed of the audit sample (default ${DEFAULT-VALUE}).")
    long seed;
    @Option(names = "--min-confidence", defaultValue = "0.9",
            description = "Confidence floor of the audit sample (default ${DEFAULT-VALUE}).")
    double minConfidence;
    @Option(names = "--classify", description = "Classify every item now (Ctrl+C stops and keeps what is done; "
            + "`review classify` goes on later).")
    boolean classify;
    @Mixin
    SymmetryAveragingOption averaging;
    @Mixin
    JsonOption json;

    private final ModelOpener models;

    ReviewCreateCommand(ModelOpener models) {
        this.models = models;
    }

    @Override
    public Integer call() {
        QueueSpec queue = queue();
        if (queue.order() == QueueOrder.NOVELTY) {
            requireNoveltyFit();
        }
        OutputFile.checkFolder(out, false);
        PrintWriter err = spec.commandLine().getErr();
        ReviewFolder folder;
        if (ReviewData.isWaferFile(data)) {
            WaferDataset d;
            try (InterruptCancellation cancel = new InterruptCancellation();
                    TerminalProgress p = new TerminalProgress(err, "reading " + data.getFileName(), cancel)) {
                d = ReviewData.wafer(data, p);
            }
            List<String> classes;
            boolean average;
            if (BsemlModel.isBundle(model)) {
                ReviewData.requireSinglePass(model, averaging);
                classes = BsemlModel.load(model).classes();
                average = false;
            } else {
                try (WaferModel m = WaferModelBundle.load(model)) {
                    classes = m.classes();
                    average = averaging.applyTo(m);
                }
            }
            err.println("fingerprinting " + data.getFileName() + " (" + d.size() + " maps)");
            folder = ReviewSetup.wafer(out, d, model.toAbsolutePath().normalize().getFileName().toString(), model, classes,
                    queue, average);
        } else {
            SemDataset d = ReviewData.sem(data);
            ModelManifest m = ModelBundle.readManifest(model);
            folder = ReviewSetup.sem(out, data, d, m.name(), model, m.classes(), queue);
        }
        Map<String, Object> doc = new LinkedHashMap<>();
        doc.put("review", folder.dir().toString());
        doc.put("kind", folder.definition().kind().json());
        doc.put("items", folder.definition().data().items());
        doc.put("data_fingerprint", folder.definition().data().fingerprint());
        doc.put("model", folder.definition().model().name());
        doc.put("model_sha256", folder.definition().model().weightsSha256());
        doc.put("classes", folder.definition().classes());
        doc.put("order", queue.order().cliName());
        ReviewData.Classified r = null;
        if (classify) {
            PredictionTable table = folder.predictions().orElseThrow();
            try (InterruptCancellation cancel = new InterruptCancellation();
                    TerminalProgress p = new TerminalProgress(err, "review classify", cancel)) {
                r = ReviewData.classify(folder, table, models, averaging, p, err);
            }
            ReviewClassifyCommand.report(doc, table, r);
        }
        if (json.on()) {
            spec.commandLine().getOut().println(Json.write(doc));
        } else {
            spec.commandLine().getOut().println("review " + doc.get("review") + ": " + doc.get("items") + " "
                    + (folder.definition().kind().json().equals("sem") ? "images" : "maps") + ", model "
                    + doc.get("model") + (classify ? ", " + doc.get("classified") + " classified" : ""
                    + " (run `review classify` to classify them" + (queue.order() == QueueOrder.NOVELTY
                    ? " and score their novelty" : "") + ")") + (classify
                    ? ReviewClassifyCommand.noveltyText(r.novelty())
                    : ""));
        }
        return 0;
    }

    /** "Most novel first" needs the novelty fit of the model's weights (scored with the predictions). */
    private void requireNoveltyFit() {
        if (NoveltyStore.load(model, ModelFingerprint.of(model)).isEmpty()) {
            throw new DefectLensException(model, "--order novelty needs the model's novelty fit, and this bundle has "
                    + "none for its weights: run 'review novelty --fit --model " + model + " --data <its training "
                    + "data>' first");
        }
    }

    private QueueSpec queue() {
        QueueOrder o = QueueOrder.of(order);
        switch (o) {
            case CONFUSION_CELL:
                if (cell == null || cell.size() != 2) {
                    throw new DefectLensException("--order cell needs --cell TRUTH,PREDICTED");
                }
                return QueueSpec.cell(cell.get(0), cell.get(1));
            case BY_CLASS:
                if (className == null) {
                    throw new DefectLensException("--order class needs --class CLASS");
                }
                return QueueSpec.byClass(className);
            case AUDIT:
                if (auditSize < 1 || !(minConfidence >= 0 && minConfidence <= 1)) {
                    throw new DefectLensException("--audit-size must be at least 1 and --min-confidence within 0..1");
                }
                return QueueSpec.audit(auditSize, seed, minConfidence);
            default:
                return QueueSpec.of(o);
        }
    }

}
