package defectlens.cli.review;

import defectlens.cli.Json;
import defectlens.cli.JsonOption;
import defectlens.core.Progress;
import defectlens.model.ClassificationMetrics;
import defectlens.review.DecisionLedger;
import defectlens.review.PredictionTable;
import defectlens.review.QueueSpec;
import defectlens.review.ReviewConfusion;
import defectlens.review.ReviewDecisions;
import defectlens.review.ReviewDefinition;
import defectlens.review.ReviewFolder;
import defectlens.review.ReviewPredictions;
import defectlens.review.ReviewQueue;
import defectlens.review.novelty.ReviewNovelty;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.function.IntFunction;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code review status DIR [--json]}: the review's data, model, how many items are classified and decided, the
 * queue, and the confusion matrix of predictions against labels (or the reviewers' classes where they decided).
 */
@Command(name = "status", mixinStandardHelpOptions = true, description = "Show a review's progress and confusion matrix.")
final class ReviewStatusCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;
    @Parameters(index = "0", paramLabel = "REVIEW_DIR")
    Path dir;
    @Mixin
    JsonOption json;

    @Override
    public Integer call() {
        ReviewFolder f = ReviewFolder.open(dir);
        ReviewPredictions p = ReviewData.predictions(f, Progress.NONE);
        if (p.stale() != null) {
            spec.commandLine().getErr().println("warning: " + f.dir() + ": " + p.stale()
                    + "; run `review classify` to classify again");
        }
        PredictionTable t = p.table();
        ReviewDefinition def = f.definition();
        QueueSpec queue = def.queue();
        ReviewDecisions.Read read = ReviewDecisions.read(f, t);
        for (String journal : read.report().journalsWithRefusals()) {
            spec.commandLine().getErr().println("warning: " + journal + ": " + read.report().describe(journal));
        }
        DecisionLedger ledger = read.ledger();
        IntFunction<String> truth = i -> ledger.classAfter(i) != null ? ledger.classAfter(i) : t.labelName(i);
        ReviewNovelty novelty = ReviewNovelty.load(f).orElse(null);
        int[] items = ReviewQueue.order(t, queue, ledger::isDecided, truth, novelty == null ? null : novelty.scores());
        ClassificationMetrics m = ReviewConfusion.of(t, truth);
        Map<String, Object> doc = new LinkedHashMap<>();
        doc.put("review", f.dir().toString());
        doc.put("id", def.id());
        doc.put("kind", def.kind().json());
        doc.put("created_at", def.createdAt());
        doc.put("data", Map.of("path", def.data().path(), "fingerprint", def.data().fingerprint(), "items",
                t.size()));
        doc.put("model", Map.of("name", def.model().name(), "path", def.model().path(), "weights_sha256",
                def.model().weightsSha256()));
        doc.put("classes", def.classes());
        if (def.averageOverSymmetries() != null) {
            doc.put("average_over_symmetries", def.averageOverSymmetries());
        }
        doc.put("classified", t.doneCount());
        doc.put("stale", p.stale());
        Map<String, Object> q = new LinkedHashMap<>();
        q.put("order", queue.order().cliName());
        q.put("undecided_only", queue.undecidedOnly());
        q.put("items", items.length);
        doc.put("queue", q);
        if (novelty != null) {
            Map<String, Object> n = new LinkedHashMap<>();
            n.put("score", novelty.score().cliName());
            n.put("threshold", novelty.threshold());
            n.put("scored", novelty.scoredCount());
            n.put("flagged", novelty.flaggedCount());
            doc.put("novelty", n);
        }
        Map<String, Object> decisions = new LinkedHashMap<>();
        decisions.put("decided", ledger.decidedCount());
        decisions.put("lines", ledger.lines().size());
        decisions.put("refused_lines", read.report().refused());
        Map<String, Object> perReviewer = new LinkedHashMap<>();
        for (String r : ledger.reviewers()) {
            DecisionLedger own = ledger.only(r);
            Map<String, Object> e = new LinkedHashMap<>();
            e.put("decided", own.decidedCount());
            own.counts().forEach((action, n) -> e.put(action.json(), n));
            perReviewer.put(r, e);
        }
        decisions.put("reviewers", perReviewer);
        decisions.put("conflicts", ledger.conflicts().size());
        doc.put("decisions", decisions);
        doc.put("metrics_truth", "reviewers' class where decided, else the label");
        doc.put("metrics", m.toMap());
        if (json.on()) {
            spec.commandLine().getOut().println(Json.write(doc));
        } else {
            spec.commandLine().getOut().println(text(def, t, items.length, m) + String.format(Locale.ROOT,
                    "%n%d of %d items decided by %d reviewer(s), %d conflict(s)", ledger.decidedCount(), t.size(),
                    ledger.reviewers().size(), ledger.conflicts().size()));
        }
        return 0;
    }

    private static String text(ReviewDefinition def, PredictionTable t, int queued, ClassificationMetrics m) {
        StringBuilder s = new StringBuilder();
        s.append(String.format(Locale.ROOT, "%s review of %s%n", def.kind().json(), def.data().path()));
        s.append(String.format(Locale.ROOT, "model %s (sha256 %s)%n", def.model().name(),
                def.model().weightsSha256().substring(0, 12)));
        s.append(String.format(Locale.ROOT, "%d of %d items classified; queue %s: %d items%n", t.doneCount(), t.size(),
                def.queue().order().cliName(), queued));
        if (m.total() > 0) {
            s.append(String.format(Locale.ROOT, "against decisions (else labels): accuracy %.3f, macro F1 %.3f over %d items",
                    m.accuracy(), m.macroF1(), m.total()));
        }
        return s.toString();
    }
}
