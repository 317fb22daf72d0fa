package defectlens.cli.review;

import defectlens.cli.Json;
import defectlens.cli.JsonOption;
import defectlens.core.DefectLensException;
import defectlens.dataset.SemDataset;
import defectlens.review.CorrectedSemExport;
import defectlens.review.DecisionCsvExport;
import defectlens.review.DecisionLedger;
import defectlens.review.PredictionTable;
import defectlens.review.ReviewDecisions;
import defectlens.review.ReviewDefinition;
import defectlens.review.ReviewFolder;
import defectlens.review.ReviewKind;
import defectlens.review.WaferLabelExport;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code review export DIR --format carinthia|class-folders|csv|wafer-labels --out OUT [--link] [--reviewer R]}:
 * the corrected SEM data set (Carinthia CSV referring to the same images, or class folders of copies or links), the
 * decisions as a CSV, or a wafer review's corrected labels for {@code wafer train --labels}. Nothing that exists is
 * overwritten.
 */
@Command(name = "export", mixinStandardHelpOptions = true,
        description = "Export a review's corrected labels (carinthia, class-folders, wafer-labels) or its "
                + "decisions (csv).")
final class ReviewExportCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;
    @Parameters(index = "0", paramLabel = "REVIEW_DIR")
    Path dir;
    @Option(names = "--format", required = true, paramLabel = "FORMAT",
            description = "carinthia, class-folders, csv or wafer-labels.")
    String format;
    @Option(names = "--out", required = true, paramLabel = "OUT",
            description = "A new folder (carinthia, class-folders) or a new file (csv, wafer-labels).")
    Path out;
    @Option(names = "--link", description = "class-folders: symbolic links to the images instead of copies.")
    boolean link;
    @Option(names = "--reviewer", paramLabel = "R", description = "Only this reviewer's decisions (default: all, "
            + "the latest decision on each item).")
    String reviewer;
    @Mixin
    JsonOption json;

    @Override
    public Integer call() {
        String fmt = format.trim().toLowerCase(Locale.ROOT);
        if (!fmt.equals("carinthia") && !fmt.equals("class-folders") && !fmt.equals("csv")
                && !fmt.equals("wafer-labels")) {
            throw new DefectLensException("unknown export format '" + format + "' (carinthia, class-folders, csv or "
                    + "wafer-labels)");
        }
        if (link && !fmt.equals("class-folders")) {
            throw new DefectLensException("--link goes with --format class-folders");
        }
        ReviewFolder f = ReviewFolder.open(dir);
        ReviewDefinition def = f.definition();
        if ((fmt.equals("carinthia") || fmt.equals("class-folders")) && def.kind() != ReviewKind.SEM) {
            throw new DefectLensException(f.dir(), "--format " + fmt + " exports SEM data sets; export a wafer review "
                    + "as wafer-labels or csv");
        }
        PredictionTable items = ReviewData.items(f);
        ReviewDecisions.Read read = ReviewDecisions.read(f, items);
        ReviewMergeCommand.reportRefusals(spec.commandLine().getErr(), read.report());
        DecisionLedger ledger = reviewer == null ? read.ledger()
                : read.ledger().only(ReviewFolder.checkReviewer(reviewer));
        Map<String, Object> doc = new LinkedHashMap<>();
        doc.put("format", fmt);
        doc.put("out", out.toAbsolutePath().normalize().toString());
        doc.put("decided", ledger.decidedCount());
        PrintWriter o = spec.commandLine().getOut();
        if (fmt.equals("csv") || fmt.equals("wafer-labels")) {
            int rows = fmt.equals("csv") ? DecisionCsvExport.write(out, items, ledger)
                    : WaferLabelExport.write(out, def, items, ledger);
            doc.put("rows", rows);
            if (!json.on()) {
                o.printf("wrote %s: %d rows%n", doc.get("out"), rows);
            }
        } else {
            SemDataset data = ReviewData.sem(f.dataPath());
            String by = "review " + def.id() + " (" + f.dir() + ")";
            CorrectedSemExport.Result r = fmt.equals("carinthia")
                    ? CorrectedSemExport.carinthia(data, items, ledger, out, by)
                    : CorrectedSemExport.classFolders(data, items, ledger, out, link, by);
            doc.put("out", r.out().toString());
            doc.put("layout", r.layout());
            doc.put("images", r.images());
            doc.put("corrected", r.corrected());
            doc.put("left_out", r.leftOut());
            doc.put("classes", r.classes());
            if (!json.on()) {
                o.printf("wrote %s (%s%s): %d images, %d labels corrected, %d left out (no label, no decision)%n",
                        r.out(), r.layout(), link ? ", links" : "", r.images(), r.corrected(), r.leftOut());
                r.classes().forEach((k, v) -> o.printf("  %-16s %d%n", k, v));
            }
        }
        if (json.on()) {
            o.println(Json.write(doc));
        }
        return 0;
    }
}
