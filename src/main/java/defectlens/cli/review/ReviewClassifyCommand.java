package defectlens.cli.review;

import defectlens.cli.InterruptCancellation;
import defectlens.cli.Json;
import defectlens.cli.JsonOption;
import defectlens.cli.ModelOpener;
import defectlens.cli.TerminalProgress;
import defectlens.cli.wafer.SymmetryAveragingOption;
import defectlens.core.Progress;
import defectlens.review.PredictionRun;
import defectlens.review.PredictionTable;
import defectlens.review.QueueOrder;
import defectlens.review.ReviewFolder;
import defectlens.review.ReviewPredictions;
import defectlens.review.novelty.ReviewNovelty;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code review classify DIR}: classifies the review's items that have no cached prediction yet (all of them when
 * the model's weights or the data changed), saving every few seconds; Ctrl+C keeps what is done.
 */
@Command(name = "classify", mixinStandardHelpOptions = true,
        description = "Classify the items of a review that have no cached prediction yet (resumable).")
final class ReviewClassifyCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;
    @Parameters(index = "0", paramLabel = "REVIEW_DIR")
    Path dir;
    @Mixin
    SymmetryAveragingOption averaging;
    @Mixin
    JsonOption json;

    private final ModelOpener models;

    ReviewClassifyCommand(ModelOpener models) {
        this.models = models;
    }

    @Override
    public Integer call() {
        PrintWriter err = spec.commandLine().getErr();
        ReviewFolder f = ReviewFolder.open(dir);
        ReviewPredictions p = ReviewData.predictions(f, Progress.NONE);
        if (p.stale() != null) {
            err.println("warning: " + f.dir() + ": " + p.stale() + "; classifying everything again");
        }
        PredictionTable table = p.table();
        if (f.definition().queue() != null && f.definition().queue().order() == QueueOrder.NOVELTY) {
            ReviewNovelty.requireFit(f); // the queue cannot be ordered without scores: say so before any work
        }
        int before = table.doneCount();
        ReviewData.Classified c;
        try (InterruptCancellation cancel = new InterruptCancellation();
                TerminalProgress progress = new TerminalProgress(err, "review classify", cancel)) {
            c = ReviewData.classify(f, table, models, averaging, progress, err);
        }
        PredictionRun.Result r = c.run();
        Map<String, Object> doc = new LinkedHashMap<>();
        doc.put("review", f.dir().toString());
        doc.put("already_classified", before);
        report(doc, table, c);
        if (json.on()) {
            spec.commandLine().getOut().println(Json.write(doc));
        } else {
            spec.commandLine().getOut().println(table.doneCount() + " of " + table.size() + " items classified ("
                    + r.classified() + " now" + (r.unreadable() > 0 ? ", " + r.unreadable() + " unreadable: "
                    + r.firstProblem() : "") + (r.cancelled() ? ", cancelled: run again to go on" : "") + ")"
                    + noveltyText(c.novelty()));
        }
        return r.cancelled() ? 130 : 0;
    }

    /** "; novelty: n of N scored, m above the threshold", or nothing without scores. */
    static String noveltyText(ReviewNovelty n) {
        return n == null ? "" : "; novelty (" + n.score() + "): " + n.scoredCount() + " of " + n.scores().length
                + " scored, " + n.flaggedCount() + " above the threshold " + n.threshold();
    }

    /** Adds what a run did to a JSON document, with the novelty scores' counts (null: the model has no fit). */
    static void report(Map<String, Object> doc, PredictionTable table, ReviewData.Classified c) {
        PredictionRun.Result r = c.run();
        doc.put("classified", table.doneCount());
        doc.put("classified_now", r.classified());
        doc.put("unreadable", r.unreadable());
        if (r.firstProblem() != null) {
            doc.put("first_problem", r.firstProblem());
        }
        doc.put("cancelled", r.cancelled());
        if (c.novelty() != null) {
            Map<String, Object> n = new LinkedHashMap<>();
            n.put("score", c.novelty().score().cliName());
            n.put("threshold", c.novelty().threshold());
            n.put("scored", c.novelty().scoredCount());
            n.put("flagged", c.novelty().flaggedCount());
            doc.put("novelty", n);
        }
    }
}
