package defectlens.cli.review;

import defectlens.cli.Json;
import defectlens.cli.JsonOption;
import defectlens.core.Progress;
import defectlens.review.BulkAccept;
import defectlens.review.ReviewFolder;
import defectlens.review.ReviewPredictions;
import java.nio.file.Path;
import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code review decide DIR --reviewer R --accept-class C --min-confidence P [--json]}: accepts, for reviewer R,
 * every item the model predicts as C with a probability of at least P, leaving the items R already decided; each
 * line records the source {@code "bulk: accept C at p >= P"}.
 */
@Command(name = "decide", mixinStandardHelpOptions = true,
        description = "Bulk-accept the predictions of one class at or above a confidence, for one reviewer.")
final class ReviewDecideCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;
    @Parameters(index = "0", paramLabel = "REVIEW_DIR")
    Path dir;
    @Option(names = "--reviewer", required = true, description = "Who decides (letters, digits, '.', '_', '-').")
    String reviewer;
    @Option(names = "--accept-class", required = true, paramLabel = "CLASS",
            description = "The predicted class to accept (one of the review's classes).")
    String className;
    @Option(names = "--min-confidence", required = true, paramLabel = "P",
            description = "Accept only predictions with a probability of at least P (0..1).")
    double minConfidence;
    @Mixin
    JsonOption json;

    @Override
    public Integer call() {
        ReviewFolder f = ReviewFolder.open(dir);
        ReviewFolder.checkReviewer(reviewer);
        ReviewPredictions p = ReviewData.predictions(f, Progress.NONE);
        if (p.stale() != null) {
            spec.commandLine().getErr().println("warning: " + f.dir() + ": " + p.stale()
                    + "; run `review classify` first, nothing is accepted without a prediction");
        }
        BulkAccept.Result r = BulkAccept.run(f, p.table(), reviewer, className, minConfidence, Clock.systemUTC());
        if (json.on()) {
            Map<String, Object> doc = new LinkedHashMap<>();
            doc.put("reviewer", reviewer);
            doc.put("class", r.className());
            doc.put("min_confidence", r.minConfidence());
            doc.put("source", r.source());
            doc.put("eligible", r.eligible());
            doc.put("accepted", r.accepted());
            doc.put("already_decided", r.alreadyDecided());
            doc.put("not_classified", r.notClassified());
            spec.commandLine().getOut().println(Json.write(doc));
        } else {
            spec.commandLine().getOut().printf("%s: accepted %d of %d items predicted %s at p >= %s (%d already "
                    + "decided by %s, %d not classified)%n", f.dir(), r.accepted(), r.eligible(), r.className(),
                    r.source().substring(r.source().lastIndexOf(' ') + 1), r.alreadyDecided(), reviewer,
                    r.notClassified());
        }
        return 0;
    }
}
